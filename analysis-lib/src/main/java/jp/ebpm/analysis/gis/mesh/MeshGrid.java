package jp.ebpm.analysis.gis.mesh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.crs.Crs;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Generates the standard grid over an extent: every cell of a level whose half-open area meets the extent, ordered
 * south to north, then west to east.
 *
 * @since 0.1
 */
public final class MeshGrid {

    /** At most this many cells are generated at once. */
    public static final long MAX_CELLS = 5_000_000;

    private MeshGrid() {
    }

    /**
     * The cells covering a longitude/latitude extent (degrees, JGD2011).
     *
     * @throws IllegalArgumentException when the extent is outside the mesh range or would need more than {@link #MAX_CELLS}
     */
    public static List<MeshCell> cells(Envelope lonLat, MeshLevel level) {
        long lu0 = Math.floorDiv(MeshCode.latUnits(lonLat.getMinY()), level.latUnits()) * level.latUnits();
        long lu1 = MeshCode.latUnits(lonLat.getMaxY());
        long wu0 = Math.floorDiv(MeshCode.lonUnits(lonLat.getMinX()), level.lonUnits()) * level.lonUnits();
        long wu1 = MeshCode.lonUnits(lonLat.getMaxX());
        if (lu0 < 0 || wu0 < 0 || lu1 >= 64000 || wu1 >= 64000) {
            throw new IllegalArgumentException("The extent is outside the area covered by mesh codes (lat 0–66.6°, lon 100–200°).");
        }
        long n = ((lu1 - lu0) / level.latUnits() + 1) * ((wu1 - wu0) / level.lonUnits() + 1);
        if (n > MAX_CELLS) {
            throw new IllegalArgumentException("The grid would have " + n + " cells; choose a coarser level or a smaller extent.");
        }
        List<MeshCell> out = new ArrayList<>((int) n);
        for (long lu = lu0; lu <= lu1; lu += level.latUnits()) {
            for (long wu = wu0; wu <= wu1; wu += level.lonUnits()) {
                out.add(new MeshCell(MeshCode.format(MeshCode.fromUnits(lu, wu, level), level), level, lu, wu));
            }
        }
        return out;
    }

    /** The grid as a polygon layer (EPSG:6668) with fields {@code mesh_code} (text) and {@code level}. */
    public static VectorData layer(Envelope lonLat, MeshLevel level) {
        GeometryFactory f = new GeometryFactory();
        List<GeoFeature> feats = new ArrayList<>();
        for (MeshCell c : cells(lonLat, level)) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("mesh_code", c.code());
            a.put("level", (long) level.number());
            feats.add(new GeoFeature(c.toPolygon(f), a));
        }
        return new VectorData(List.of("mesh_code", "level"), feats, Crs.JGD2011, null, List.of());
    }
}
