package jp.ebpm.analysis.gis.overlay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.crs.Crs;
import jp.ebpm.analysis.gis.io.PointTableReader;
import jp.ebpm.analysis.gis.io.TextTable;
import jp.ebpm.analysis.gis.io.VectorReader;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Points read from a file for an overlay: a CSV/Excel table with latitude/longitude columns (all columns kept as
 * text for the join form), or a GeoJSON/shapefile point layer (non-point geometries use their interior point).
 *
 * @param header column names
 * @param rows   the rows as text
 * @param points coordinates, ids and values
 * @since 0.1
 */
public record PointTable(java.util.List<String> header, java.util.List<String[]> rows, PointSet points) {

    /**
     * Reads points.
     *
     * @param latCol   latitude column (tables), or null to detect
     * @param lonCol   longitude column (tables), or null to detect
     * @param idCol    id column for distinct counts, or null
     * @param valueCol numeric column to sum, or null
     * @throws IllegalArgumentException when a named column does not exist
     */
    public static PointTable read(Path file, String latCol, String lonCol, String idCol, String valueCol) throws IOException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String name = file.getFileName().toString();
        if (n.endsWith(".geojson") || n.endsWith(".json") || n.endsWith(".zip") || n.endsWith(".shp")) {
            VectorData v = VectorReader.read(file, 0, null, null, new GeometryFactory());
            java.util.List<String[]> rows = new java.util.ArrayList<>();
            double[] xs = new double[v.features().size()];
            double[] ys = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                GeoFeature f = v.features().get(i);
                String[] r = new String[v.fields().size()];
                for (int j = 0; j < r.length; j++) {
                    Object o = f.get(v.fields().get(j));
                    r[j] = o == null ? "" : o.toString();
                }
                rows.add(r);
                Geometry g = f.geometry();
                Point p = g == null || g.isEmpty() ? null : g instanceof Point pt ? pt : g.getInteriorPoint();
                xs[i] = p == null ? Double.NaN : p.getX();
                ys[i] = p == null ? Double.NaN : p.getY();
            }
            TextTable t = new TextTable(v.fields(), rows, v.encoding());
            return new PointTable(v.fields(), rows, new PointSet(xs, ys, column(t, idCol, name), values(t, valueCol, name), v.epsg()));
        }
        TextTable t = TextTable.read(file);
        VectorData pts = PointTableReader.read(file, latCol, lonCol, Crs.JGD2011, new GeometryFactory());
        double[] xs = new double[pts.features().size()];
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            Geometry g = pts.features().get(i).geometry();
            xs[i] = g == null ? Double.NaN : ((Point) g).getX();
            ys[i] = g == null ? Double.NaN : ((Point) g).getY();
        }
        return new PointTable(t.header(), t.rows(), new PointSet(xs, ys, column(t, idCol, name), values(t, valueCol, name), Crs.JGD2011));
    }

    private static String[] column(TextTable t, String col, String file) {
        if (col == null) {
            return null;
        }
        int i = t.require(col, file);
        return t.rows().stream().map(r -> r[i].strip()).toArray(String[]::new);
    }

    private static double[] values(TextTable t, String col, String file) {
        if (col == null) {
            return null;
        }
        int i = t.require(col, file);
        return t.rows().stream().mapToDouble(r -> PointTableReader.number(r[i])).toArray();
    }
}
