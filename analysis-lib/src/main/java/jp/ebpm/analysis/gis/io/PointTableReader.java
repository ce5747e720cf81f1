package jp.ebpm.analysis.gis.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.crs.Crs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reads a table of points from CSV or Excel with latitude and longitude columns. Columns are found by name
 * when not given: latitude {@code 緯度}, {@code lat}, {@code latitude}, {@code y}, {@code ido}; longitude
 * {@code 経度}, {@code lon}, {@code lng}, {@code long}, {@code longitude}, {@code x}, {@code keido} (case-insensitive;
 * the national recommended dataset format uses 緯度/経度). Rows with an empty or non-numeric coordinate are kept
 * with a {@code null} geometry and counted in a warning. Other columns are kept as text.
 *
 * @since 0.1
 */
public final class PointTableReader {

    private static final List<String> LAT = List.of("緯度", "lat", "latitude", "y", "ido");
    private static final List<String> LON = List.of("経度", "lon", "lng", "long", "longitude", "x", "keido");

    private PointTableReader() {
    }

    /**
     * Reads points.
     *
     * @param latCol latitude column, or null to find it
     * @param lonCol longitude column, or null to find it
     * @param epsg   the coordinates' system (geographic), e.g. 6668
     */
    public static VectorData read(Path file, String latCol, String lonCol, int epsg, GeometryFactory f) throws IOException {
        String name = file.getFileName().toString();
        TextTable t = TextTable.read(file);
        int la = latCol != null ? t.require(latCol, name) : find(t, LAT, name, "latitude");
        int lo = lonCol != null ? t.require(lonCol, name) : find(t, LON, name, "longitude");
        List<GeoFeature> out = new ArrayList<>(t.rows().size());
        int missing = 0;
        for (String[] r : t.rows()) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            for (int i = 0; i < t.header().size(); i++) {
                attrs.put(t.header().get(i), r[i].isEmpty() ? null : r[i]);
            }
            double lat = number(r[la]);
            double lon = number(r[lo]);
            if (Double.isNaN(lat) || Double.isNaN(lon)) {
                missing++;
                out.add(new GeoFeature(null, attrs));
            } else {
                out.add(new GeoFeature(f.createPoint(new Coordinate(lon, lat)), attrs));
            }
        }
        List<String> warnings = new ArrayList<>();
        if (missing > 0) {
            warnings.add(missing + " rows have no usable latitude/longitude; they were kept without a location.");
        }
        return new VectorData(t.header(), out, epsg == 0 ? Crs.JGD2011 : epsg, t.encoding(), warnings);
    }

    /** Parses a coordinate; NaN when empty or not a number. Full-width digits are accepted. */
    public static double number(String s) {
        if (s == null) {
            return Double.NaN;
        }
        String t = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).strip();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static int find(TextTable t, List<String> names, String file, String what) {
        for (String n : names) {
            for (int i = 0; i < t.header().size(); i++) {
                if (t.header().get(i).strip().toLowerCase(Locale.ROOT).equals(n)) {
                    return i;
                }
            }
        }
        throw new WorkbenchException("No " + what + " column found (looked for " + String.join(", ", names)
                + "); name it explicitly.", file, null, null, null);
    }
}
