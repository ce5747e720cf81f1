package jp.ebpm.analysis.privacy.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.LayerImportOptions;
import jp.ebpm.analysis.gis.LayerImporter;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.crs.Reprojector;
import jp.ebpm.analysis.gis.io.GeoJsonReader;
import jp.ebpm.analysis.gis.io.GeoJsonWriter;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.guard.ProtectedTable;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Issue 10: the area layer honours the coordinate system recorded for a project layer. The bundled ward
 * boundaries are imported twice, once in lon/lat (EPSG:4326) and once projected to the plane rectangular zone
 * IX (EPSG:6677, metres); the ward × hour table of the same pings must be identical. Before the fix the
 * EPSG:6677 layer was read as if in degrees and matched no ping.
 */
class AreaLayerCrsIT {

    private static final char[] PASS = "a long test passphrase".toCharArray();

    @Test
    void wardsInPlaneRectangularGiveTheSameWardByHourTableAsInLonLat(@TempDir Path dir) throws Exception {
        VectorData wards;
        try (var in = AreaLayer.class.getResourceAsStream("kawasaki-wards.geojson")) {
            wards = GeoJsonReader.read(in, "kawasaki-wards.geojson", new GeometryFactory());
        }
        Path lonLat = dir.resolve("wards-4326.geojson");
        try (OutputStream out = Files.newOutputStream(lonLat)) {
            GeoJsonWriter.write(wards, out);
        }
        Reprojector toZone9 = new Reprojector(4326, 6677);
        List<GeoFeature> projected = new ArrayList<>();
        for (GeoFeature f : wards.features()) {
            projected.add(new GeoFeature(toZone9.transform(f.geometry()), f.attributes()));
        }
        Path metres = dir.resolve("wards-6677.geojson");
        try (OutputStream out = Files.newOutputStream(metres)) {
            GeoJsonWriter.write(new VectorData(wards.fields(), projected, 6677, "UTF-8", List.of()), out);
        }

        List<String> lines = new ArrayList<>(List.of("id,time,lat,lon"));
        String[] codes = {"14131", "14132", "14133", "14134", "14135", "14136", "14137"};
        for (int d = 0; d < 40; d++) {
            Coordinate c = PrivacyTestData.inside(codes[d % codes.length]);
            for (int h : new int[] {8, 12, 19}) {
                lines.add(String.format(Locale.ROOT, "dev%d,2026-04-06 %02d:%02d:00,%.9f,%.9f", d, h, d % 60,
                        c.y + d * 1e-6, c.x + d * 1e-6));
            }
        }
        Path pings = PrivacyTestData.write(dir.resolve("pings.csv"), lines);

        try (Project p = Project.create(dir.resolve("project")); UnlockedVault v = UnlockedVault.openOrCreate(p, PASS)) {
            LayerImporter.importLayer(p, lonLat, LayerImportOptions.defaults().withName("wards_4326"), ProgressListener.NONE,
                    Cancellation.none());
            var imported = LayerImporter.importLayer(p, metres, new LayerImportOptions("wards_6677", 6677, null, null, null,
                    null, null, null), ProgressListener.NONE, Cancellation.none());
            assertEquals("EPSG:6677", imported.dataset().property("crs"));
            PingImporter.importPings(v, pings, LocationImportOptions.detect("pings", LocationImportOptions.Kind.PINGS),
                    ProgressListener.NONE, Cancellation.none());
            LocationService s = new LocationService(v);
            Map<String, String> degrees = table(s.aggregate("pings", AreaLevel.WARD,
                    AreaLayer.fromProject(p, "wards_4326", "N03_007"), TimeBand.HOUR, 3, 1, Cancellation.none()));
            Map<String, String> projectedTable = table(s.aggregate("pings", AreaLevel.WARD,
                    AreaLayer.fromProject(p, "wards_6677", "N03_007"), TimeBand.HOUR, 3, 1, Cancellation.none()));
            assertEquals(degrees, projectedTable);
            // and the table is not trivially empty: 40 devices × 3 hours, spread over the 7 wards
            long published = degrees.values().stream().filter(x -> !x.startsWith("null")).mapToLong(x -> Long.parseLong(x.split("/")[0])).sum();
            assertTrue(published > 0, degrees.toString());
        }
    }

    private static Map<String, String> table(LocationService.Result r) {
        Map<String, String> m = new TreeMap<>();
        for (ProtectedTable.Cell c : r.table().cells()) {
            m.put(c.row() + "@" + c.col(), c.count() + "/" + c.persons());
        }
        return m;
    }
}
