package jp.ebpm.analysis.gis.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.crs.Crs;
import jp.ebpm.analysis.gis.crs.CrsRange;
import jp.ebpm.analysis.gis.crs.PrjReader;
import jp.ebpm.analysis.io.ColumnNames;
import jp.ebpm.analysis.io.SafeZip;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reads an ESRI shapefile: a {@code .zip} holding one {@code .shp} with its {@code .dbf} (and optionally
 * {@code .prj}, {@code .cpg}, {@code .shx}), or a {@code .shp} path whose sibling files share its base name.
 * Geometries come from {@link ShpGeometryReader}, attributes from {@link DbfReader}; the coordinate system
 * from the {@code .prj} through {@link PrjReader} (without a {@code .prj}: EPSG:6668 JGD2011 when the
 * coordinates look like longitude/latitude, with a warning).
 *
 * @since 0.1
 */
public final class ShapefileReader {

    /** The member extensions read from an archive; other members are skipped without being inflated. */
    private static final java.util.Set<String> PARTS = java.util.Set.of("shp", "dbf", "prj", "cpg", "shx");

    private ShapefileReader() {
    }

    /**
     * Reads a shapefile.
     *
     * @param file        a .zip or .shp file
     * @param defaultEpsg EPSG code to use when there is no .prj, or 0 to guess
     * @throws WorkbenchException when parts are missing or broken
     */
    public static VectorData read(Path file, int defaultEpsg, GeometryFactory f) throws IOException {
        String name = file.getFileName().toString();
        Map<String, byte[]> parts = name.toLowerCase(Locale.ROOT).endsWith(".zip") ? unzip(file) : siblings(file);
        byte[] shp = parts.get("shp");
        byte[] dbf = parts.get("dbf");
        if (shp == null) {
            throw new WorkbenchException("No .shp file found.", name, null, null, null);
        }
        List<String> warnings = new ArrayList<>();
        List<Geometry> geoms = ShpGeometryReader.read(shp, name, f);
        DbfReader table = null;
        if (dbf == null) {
            warnings.add("The shapefile has no .dbf attribute table; only geometries were read.");
        } else {
            String cpg = parts.containsKey("cpg") ? new String(parts.get("cpg"), StandardCharsets.US_ASCII) : null;
            table = DbfReader.read(dbf, cpg, name);
            if (table.detected()) {
                warnings.add("The attribute text encoding was detected as " + table.encodingLabel()
                        + " (no .cpg file); check the Japanese text.");
            }
            if (table.deletedCount() > 0) {
                warnings.add(table.deletedCount() + " records are marked deleted in the .dbf; they were kept.");
            }
            if (table.records().size() != geoms.size()) {
                throw new WorkbenchException("The .shp has " + geoms.size() + " shapes but the .dbf has "
                        + table.records().size() + " records.", name, null, null, null);
            }
        }
        int epsg;
        if (parts.containsKey("prj")) {
            try {
                epsg = PrjReader.epsgOf(new String(parts.get("prj"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                if (defaultEpsg == 0) {
                    throw new WorkbenchException(e.getMessage() + " Give the coordinate system explicitly.", name, null, null, e);
                }
                epsg = defaultEpsg;
                warnings.add("The .prj was not recognised; " + Crs.label(epsg) + " was used as given.");
            }
        } else {
            epsg = defaultEpsg == 0 ? Crs.JGD2011 : defaultEpsg;
            warnings.add("The shapefile has no .prj; coordinates were taken as " + Crs.label(epsg) + ".");
        }
        if (table != null) {
            ColumnNames.checkAttributes(table.fields(), name);
        }
        warnings.addAll(CrsRange.check(geoms, epsg, parts.containsKey("prj") || defaultEpsg != 0, name));
        List<GeoFeature> features = new ArrayList<>(geoms.size());
        for (int i = 0; i < geoms.size(); i++) {
            features.add(new GeoFeature(geoms.get(i), table == null ? Map.of() : table.records().get(i)));
        }
        return new VectorData(table == null ? List.of() : table.fields(), features, epsg,
                table == null ? null : table.encodingLabel(), warnings);
    }

    private static Map<String, byte[]> unzip(Path zip) {
        Map<String, Map<String, byte[]>> byBase = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : SafeZip.read(zip, n -> n.lastIndexOf('.') > 0
                && PARTS.contains(n.substring(n.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT))).entrySet()) {
            String n = e.getKey();
            int dot = n.lastIndexOf('.');
            String ext = n.substring(dot + 1).toLowerCase(Locale.ROOT);
            byBase.computeIfAbsent(n.substring(0, dot), k -> new HashMap<>()).put(ext, e.getValue());
        }
        List<String> withShp = byBase.entrySet().stream().filter(en -> en.getValue().containsKey("shp")).map(Map.Entry::getKey).toList();
        if (withShp.size() != 1) {
            throw new WorkbenchException(withShp.isEmpty() ? "The zip file holds no .shp file."
                    : "The zip file holds several shapefiles (" + String.join(", ", withShp) + "); import them one by one.",
                    zip.getFileName().toString(), null, null, null);
        }
        return byBase.get(withShp.get(0));
    }

    private static Map<String, byte[]> siblings(Path shp) throws IOException {
        String n = shp.getFileName().toString();
        int dot = n.lastIndexOf('.');
        String base = dot < 0 ? n : n.substring(0, dot);
        Map<String, byte[]> parts = new HashMap<>();
        Path dir = shp.toAbsolutePath().getParent();
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String fn = p.getFileName().toString();
                int d = fn.lastIndexOf('.');
                if (d > 0 && fn.substring(0, d).equals(base)) {
                    parts.put(fn.substring(d + 1).toLowerCase(Locale.ROOT), Files.readAllBytes(p));
                }
            }
        }
        return parts;
    }
}
