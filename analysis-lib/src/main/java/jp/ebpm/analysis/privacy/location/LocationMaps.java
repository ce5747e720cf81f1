package jp.ebpm.analysis.privacy.location;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.gis.crs.Crs;
import jp.ebpm.analysis.gis.crs.JapanZones;
import jp.ebpm.analysis.gis.crs.Reprojector;
import jp.ebpm.analysis.gis.map.Classification;
import jp.ebpm.analysis.gis.map.ClassMethod;
import jp.ebpm.analysis.gis.map.Classifier;
import jp.ebpm.analysis.gis.map.ColorRamp;
import jp.ebpm.analysis.gis.map.MapLayer;
import jp.ebpm.analysis.gis.map.MapSpec;
import jp.ebpm.analysis.gis.mesh.MeshCode;
import jp.ebpm.analysis.privacy.guard.ProtectedTable;

/**
 * Choropleth maps of guarded area aggregates. The values come <em>only</em> from the published cells of a
 * {@link ProtectedTable} (never from its {@code source}): a suppressed cell has no number and is drawn hatched
 * over a neutral grey with the legend entry {@value #SUPPRESSED_LABEL}. Area polygons come from the area layer
 * (wards, small areas) or from the mesh code of each row (JIS X 0410 cell bounds, {@link MeshCode#decode}),
 * projected to the Japan plane rectangular zone of their centre.
 */
public final class LocationMaps {

    /** Legend text of suppressed areas. */
    public static final String SUPPRESSED_LABEL = ProtectedTable.SUPPRESSED + " 秘匿 (suppressed)";
    /** Neutral background of suppressed areas (hatched in grey over it). */
    public static final Color SUPPRESSED_FILL = new Color(0xd9d9d9);

    private static final GeometryFactory GF = new GeometryFactory();

    private LocationMaps() {
    }

    /**
     * The polygons of a result's areas in plane coordinates, one per row key of the table, in table order.
     *
     * @param keys   area keys (ward codes or mesh codes)
     * @param labels area names for labels (wards), or null (meshes: too many to label)
     * @param plane  polygon per key in the plane zone (metres)
     * @param epsg   the plane zone's EPSG code
     * @param source attribution of the boundaries, or null
     */
    public record AreaShapes(List<String> keys, List<String> labels, List<Geometry> plane, int epsg, String source) {
        public AreaShapes {
            keys = List.copyOf(keys);
            labels = labels == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(labels));
            plane = List.copyOf(plane);
        }
    }

    /** Whether a result can be mapped (area rows; an OD matrix is a table only). */
    public static boolean mappable(LocationService.Result r) {
        return !"od".equals(r.operation()) && r.level() != null;
    }

    /** The measures that can be mapped: the table's number columns (e.g. {@code pings}, {@code devices}). */
    public static List<String> measures(ProtectedTable t) {
        List<String> h = t.header();
        return h.subList(2, h.size());
    }

    /** The default measure: the persons count (devices, residents, visitors, population). */
    public static String defaultMeasure(ProtectedTable t) {
        return t.source().personsName();
    }

    /** The time values of the table's columns, in table order. */
    public static List<String> times(ProtectedTable t) {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        for (ProtectedTable.Cell c : t.cells()) {
            s.add(c.col());
        }
        return List.copyOf(s);
    }

    /**
     * The published value of every area for one time value and measure, in table order; {@code null} marks a
     * suppressed cell. Only {@link ProtectedTable.Cell#count()} and {@link ProtectedTable.Cell#persons()} are read,
     * which the guard leaves null for suppressed cells.
     *
     * @throws IllegalArgumentException for a time value or measure the table does not have
     */
    public static Map<String, Long> values(ProtectedTable t, String time, String measure) {
        boolean persons;
        if (measure.equals(t.source().personsName())) {
            persons = true;
        } else if (measure.equals(t.source().countName())) {
            persons = false;
        } else {
            throw new IllegalArgumentException("Unknown measure \"" + measure + "\": use " + String.join(" or ", measures(t)) + ".");
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (ProtectedTable.Cell c : t.cells()) {
            if (c.col().equals(time)) {
                out.put(c.row(), c.suppressed() ? null : persons ? c.persons() : c.count());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("The table has no " + t.header().get(1) + " \"" + time + "\"; values: "
                    + String.join(", ", times(t)) + ".");
        }
        return out;
    }

    /** The area polygons of a result (see {@link AreaShapes}). */
    public static AreaShapes shapes(LocationService.Result r) {
        if (!mappable(r)) {
            throw new WorkbenchException("An origin–destination matrix has no map; export it as a table.");
        }
        List<String> keys = new ArrayList<>(new LinkedHashSet<>(r.table().cells().stream().map(ProtectedTable.Cell::row).toList()));
        List<Geometry> lonLat = new ArrayList<>(keys.size());
        List<String> labels = null;
        String source = null;
        if (r.level().needsLayer()) {
            labels = new ArrayList<>(keys.size());
            for (String key : keys) {
                List<Geometry> parts = new ArrayList<>();
                String label = key;
                for (AreaLayer.Area a : r.layer().areas()) {
                    if (a.key().equals(key)) {
                        parts.add(a.geometry());
                        label = a.label() == null || a.label().isBlank() ? key : a.label();
                    }
                }
                lonLat.add(parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0) : GF.buildGeometry(parts).union());
                labels.add(label);
            }
            source = r.layer().bundled() ? "国土数値情報（行政区域）N03 2021" : r.layer().id().replaceFirst("^layer:", "");
        } else {
            for (String key : keys) {
                lonLat.add(MeshCode.decode(key).toPolygon(GF));
            }
            source = "JIS X 0410 " + r.level().id();
        }
        Envelope e = new Envelope();
        for (Geometry g : lonLat) {
            if (g != null) {
                e.expandToInclude(g.getEnvelopeInternal());
            }
        }
        int epsg = JapanZones.jgd2011(e.isNull() ? 9 : JapanZones.chooseZone(e.centre().y, e.centre().x));
        Reprojector rp = new Reprojector(Crs.JGD2011, epsg);
        List<Geometry> plane = new ArrayList<>(lonLat.size());
        for (Geometry g : lonLat) {
            plane.add(g == null ? null : rp.transform(g));
        }
        return new AreaShapes(keys, labels, plane, epsg, source);
    }

    /**
     * The choropleth of one time value and measure: published values classified (Jenks, at most 5 classes),
     * suppressed areas hatched as {@value #SUPPRESSED_LABEL}.
     */
    public static MapSpec spec(LocationService.Result r, AreaShapes shapes, String time, String measure) {
        ProtectedTable t = r.table();
        Map<String, Long> v = values(t, time, measure);
        double[] values = new double[shapes.keys().size()];
        List<String> labels = shapes.labels() == null ? null : new ArrayList<>(shapes.labels().size());
        for (int i = 0; i < values.length; i++) {
            String key = shapes.keys().get(i);
            Long x = v.get(key);
            values[i] = x == null ? Double.NaN : x;
            if (labels != null) {
                labels.add(shapes.labels().get(i) + (x == null && v.containsKey(key) ? " " + ProtectedTable.SUPPRESSED : ""));
            }
        }
        long distinct = java.util.Arrays.stream(values).filter(d -> !Double.isNaN(d)).distinct().count();
        Classification c = distinct == 0 ? null : Classifier.classify(values, (int) Math.min(5, distinct), ClassMethod.JENKS, null);
        String valueName = measure + " (" + t.header().get(1) + " " + time + ")";
        MapLayer layer = MapLayer.choropleth(r.dataset(), shapes.plane(), values, valueName, c, ColorRamp.YL_OR_RD, labels)
                .withNoData(SUPPRESSED_LABEL, SUPPRESSED_FILL);
        String title = r.dataset() + " — " + (measure.equals(r.operation()) ? measure : r.operation() + ": " + measure)
                + ", " + t.header().get(1) + " " + time;
        String attribution = "k=" + t.k() + (t.roundBase() > 1 ? ", rounded to " + t.roundBase() : "")
                + "; χ = suppressed / 秘匿" + (shapes.source() == null ? "" : "; areas: " + shapes.source());
        return new MapSpec(title, attribution, List.of(layer), null, true, true, true);
    }
}
