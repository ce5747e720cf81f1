package jp.ebpm.scale;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.crs.Crs;
import jp.ebpm.analysis.gis.crs.Reprojector;
import jp.ebpm.analysis.gis.io.VectorReader;
import jp.ebpm.analysis.gis.overlay.KeyedPolygons;
import jp.ebpm.analysis.privacy.location.AreaLayer;

/**
 * Boundary files for the job, read on the driver by the desktop's own readers ({@link VectorReader}: GeoJSON with
 * its {@code crs} member or WGS 84 as RFC 7946 says; a shapefile with its {@code .prj}). Unlike the desktop, which
 * assumes JGD2011 for a shapefile without a {@code .prj}, the job refuses one unless {@code --areas-crs} names the
 * system: on a cluster nobody is there to read a warning. Plane coordinates (and the Tokyo datum) are transformed to
 * JGD2011 longitude/latitude, the system of the pings; WGS 84, JGD2011 and JGD2000 are used as they are, as on the
 * desktop.
 */
final class Boundaries {

    private static final GeometryFactory GF = new GeometryFactory();

    private Boundaries() {
    }

    /** The raw features of a boundary file and its EPSG code. */
    static VectorData read(Path file, String crs) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new JobException("The boundary file " + name + " does not exist (it is read on the driver: give a local path).");
        }
        int epsg = 0;
        if (crs != null) {
            try {
                epsg = Crs.parseCode(crs);
            } catch (IllegalArgumentException e) {
                throw new JobException("--areas-crs: " + e.getMessage());
            }
        }
        String n = name.toLowerCase(Locale.ROOT);
        if ((n.endsWith(".shp") || n.endsWith(".zip")) && epsg == 0 && !hasPrj(file)) {
            throw new JobException("The boundary file " + name + " has no coordinate system (no .prj). Name it with"
                    + " --areas-crs, e.g. EPSG:6668 (JGD2011) or EPSG:6677 (plane zone IX).");
        }
        if (!(n.endsWith(".shp") || n.endsWith(".zip") || n.endsWith(".geojson") || n.endsWith(".json"))) {
            throw new JobException("The boundary file " + name + " is not GeoJSON (.geojson, .json) or a shapefile (.shp, .zip).");
        }
        try {
            VectorData v = VectorReader.read(file, epsg, null, null, GF);
            if (v.features().isEmpty()) {
                throw new JobException("The boundary file " + name + " has no features.");
            }
            return v;
        } catch (WorkbenchException e) {
            throw new JobException("The boundary file " + name + " cannot be read: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (e instanceof JobException je) {
                throw je;
            }
            throw new JobException("The boundary file " + name + " cannot be read: " + e.getMessage());
        }
    }

    /** The areas of a boundary file, keyed by a field, in longitude/latitude, ordered by key as on the desktop. */
    static AreaLayer areas(Path file, String crs, String keyField) {
        VectorData v = read(file, crs);
        if (keyField == null || !v.fields().contains(keyField)) {
            throw new JobException("The boundary file " + file.getFileName() + " has no field \"" + keyField
                    + "\" (fields: " + String.join(", ", v.fields()) + "). Name the key with --area-key.");
        }
        Reprojector toLonLat = needsTransform(v.epsg()) ? new Reprojector(v.epsg(), Crs.JGD2011) : null;
        List<AreaLayer.Area> areas = new ArrayList<>();
        for (GeoFeature f : v.features()) {
            Geometry g = f.geometry();
            if (g == null || g.isEmpty() || !(g instanceof Polygonal)) {
                continue;
            }
            String key = KeyedPolygons.keyText(f.get(keyField));
            areas.add(new AreaLayer.Area(key, key, toLonLat == null ? g : toLonLat.transform(g)));
        }
        if (areas.isEmpty()) {
            throw new JobException("The boundary file " + file.getFileName() + " has no polygons.");
        }
        return new AreaLayer("file:" + file.getFileName() + ":" + keyField, areas, false);
    }

    /** Whether coordinates in this system must be transformed to compare with longitude/latitude pings. */
    static boolean needsTransform(int epsg) {
        return !(epsg == Crs.WGS84 || epsg == Crs.JGD2011 || epsg == Crs.JGD2000);
    }

    private static boolean hasPrj(Path file) {
        String n = file.getFileName().toString();
        if (n.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            try (InputStream in = Files.newInputStream(file); ZipInputStream z = new ZipInputStream(in)) {
                for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                    if (e.getName().toLowerCase(Locale.ROOT).endsWith(".prj")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                throw new JobException("The boundary file " + n + " is not a readable zip: " + e.getMessage());
            }
        }
        String base = n.substring(0, n.length() - 4);
        Path dir = file.toAbsolutePath().getParent();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (p.getFileName().toString().equalsIgnoreCase(base + ".prj")) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
