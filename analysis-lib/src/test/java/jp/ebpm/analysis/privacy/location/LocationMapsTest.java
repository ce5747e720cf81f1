package jp.ebpm.analysis.privacy.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

import jp.ebpm.analysis.gis.map.MapLayer;
import jp.ebpm.analysis.gis.map.MapRenderer;
import jp.ebpm.analysis.gis.map.MapSpec;
import jp.ebpm.analysis.privacy.guard.CountTable;
import jp.ebpm.analysis.privacy.guard.DisclosureGuard;
import jp.ebpm.analysis.privacy.guard.ProtectedTable;

class LocationMapsTest {

    private static final List<String> WARDS = List.of("14131", "14132", "14133", "14134", "14135", "14136", "14137");

    /** Ward × hour counts with one small cell (14132 at 8 h: 4 devices, 4242 pings) among large ones. */
    private static LocationService.Result wardResult(int roundBase) {
        List<CountTable.Cell> cells = new ArrayList<>();
        for (int i = 0; i < WARDS.size(); i++) {
            String w = WARDS.get(i);
            if (w.equals("14132")) {
                cells.add(new CountTable.Cell(w, "8", 4242, 4));
            } else {
                cells.add(new CountTable.Cell(w, "8", 1000 + 111 * i, 20 + 13 * i));
            }
            cells.add(new CountTable.Cell(w, "9", 900 + 17 * i, 15 + 11 * i));
        }
        CountTable raw = new CountTable("area", "time", "pings", "devices", false, WARDS, List.of("8", "9"), cells);
        ProtectedTable t = new DisclosureGuard(10, roundBase).protect(raw, Set.of());
        return new LocationService.Result("pings", "aggregate", "aggregate|ward||hour", Map.of(), t, AreaLevel.WARD,
                AreaLayer.bundledWards());
    }

    @Test
    void mapValuesArePublishedCellsAndSuppressedCellsHaveNoValue() {
        LocationService.Result r = wardResult(1);
        ProtectedTable t = r.table();
        assertTrue(t.primaryCount() == 1 && t.secondaryCount() >= 1, "the small cell and a protecting cell are suppressed");
        assertEquals(List.of("pings", "devices"), LocationMaps.measures(t));
        assertEquals("devices", LocationMaps.defaultMeasure(t));
        assertEquals(List.of("8", "9"), LocationMaps.times(t));
        for (String measure : LocationMaps.measures(t)) {
            for (String time : LocationMaps.times(t)) {
                Map<String, Long> v = LocationMaps.values(t, time, measure);
                assertEquals(WARDS, List.copyOf(v.keySet()));
                for (ProtectedTable.Cell c : t.cells()) {
                    if (!c.col().equals(time)) {
                        continue;
                    }
                    if (c.suppressed()) {
                        assertNull(v.get(c.row()), c.toString());
                    } else {
                        assertEquals(measure.equals("devices") ? c.persons() : c.count(), v.get(c.row()), c.toString());
                    }
                }
            }
        }
        assertNull(LocationMaps.values(t, "8", "devices").get("14132"));
        // published numbers are the raw ones here (no rounding): ward 14137 at 8 h has 20 + 13·6 devices, 1000 + 111·6 pings
        assertEquals(98L, LocationMaps.values(t, "8", "devices").get("14137"));
        assertEquals(1666L, LocationMaps.values(t, "8", "pings").get("14137"));
        assertThrows(IllegalArgumentException.class, () -> LocationMaps.values(t, "7", "devices"));
        assertThrows(IllegalArgumentException.class, () -> LocationMaps.values(t, "8", "trips"));
    }

    @Test
    void roundedValuesAreMapped() {
        LocationService.Result r = wardResult(5);
        // 14137 at 9 h: 15 + 66 = 81 devices, published as 80
        assertEquals(80L, LocationMaps.values(r.table(), "9", "devices").get("14137"));
    }

    @Test
    void theRendererGetsNaNExactlyForSuppressedAreasAndTheLegendNamesThem() {
        LocationService.Result r = wardResult(1);
        LocationMaps.AreaShapes shapes = LocationMaps.shapes(r);
        assertEquals(6677, shapes.epsg(), "Kawasaki lies in plane zone IX");
        assertEquals(WARDS, shapes.keys());
        MapSpec spec = LocationMaps.spec(r, shapes, "8", "pings");
        MapLayer layer = spec.layers().get(0);
        Set<String> suppressed = r.table().suppressedKeys();
        for (int i = 0; i < WARDS.size(); i++) {
            double v = layer.values()[i];
            boolean hidden = suppressed.contains(WARDS.get(i) + "\t8");
            assertEquals(hidden, Double.isNaN(v), WARDS.get(i));
            assertTrue(v != 4242, "the raw pings of the small cell never reach the map");
            if (hidden) {
                assertTrue(layer.labels().get(i).endsWith(" χ"), layer.labels().get(i));
            }
        }
        assertEquals("麻生区", layer.labels().get(6));
        assertEquals(LocationMaps.SUPPRESSED_LABEL, layer.noDataLabel());
        String svg = MapRenderer.renderSvg(spec, 800, 600);
        assertTrue(svg.contains("χ 秘匿"), "legend entry for suppressed areas");
        // as a number of its own, not as digits inside a path coordinate such as 243.78297424316406
        java.util.regex.Matcher raw = java.util.regex.Pattern.compile(".{0,40}(?<![0-9.])4,?242(?![0-9]).{0,40}").matcher(svg);
        assertFalse(raw.find(), () -> "the raw value is not in the drawing: " + raw.group());
        BufferedImage img = MapRenderer.renderImage(spec, 800, 600);
        int grey = LocationMaps.SUPPRESSED_FILL.getRGB() & 0xffffff;
        int found = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == grey) {
                    found++;
                }
            }
        }
        assertTrue(found > 200, "suppressed wards are drawn over the neutral grey: " + found);
    }

    @Test
    void everyAreaSuppressedStillDrawsWithTheSuppressedLegend() {
        List<CountTable.Cell> cells = new ArrayList<>();
        for (String w : WARDS) {
            cells.add(new CountTable.Cell(w, "3", 5, 2));
        }
        ProtectedTable t = new DisclosureGuard(10, 1).protect(
                new CountTable("area", "time", "pings", "devices", false, WARDS, List.of("3"), cells), Set.of());
        LocationService.Result r = new LocationService.Result("p", "aggregate", "g", Map.of(), t, AreaLevel.WARD,
                AreaLayer.bundledWards());
        MapSpec spec = LocationMaps.spec(r, LocationMaps.shapes(r), "3", "devices");
        assertNull(spec.layers().get(0).classification());
        assertTrue(MapRenderer.renderSvg(spec, 600, 400).contains("χ 秘匿 (suppressed) (7)"));
    }

    @Test
    void meshRowsBecomeTheirJisCells() {
        List<String> meshes = List.of("53393599", "53393690");
        List<CountTable.Cell> cells = List.of(new CountTable.Cell("53393599", "weekday", 500, 40),
                new CountTable.Cell("53393690", "weekday", 300, 30));
        ProtectedTable t = new DisclosureGuard(10, 1).protect(
                new CountTable("area", "time", "pings", "devices", false, meshes, List.of("weekday"), cells), Set.of());
        LocationService.Result r = new LocationService.Result("p", "aggregate", "g", Map.of(), t, AreaLevel.MESH3, null);
        LocationMaps.AreaShapes shapes = LocationMaps.shapes(r);
        assertNull(shapes.labels());
        for (Geometry g : shapes.plane()) {
            // a 3rd mesh is 30" × 45": about 0.92 km × 1.14 km at 35.6° N
            assertEquals(1.05e6, g.getArea(), 0.05e6);
        }
        // 53393690 is the eastern neighbour of 53393599 (3rd-mesh column 9 of 2nd mesh 35 → column 0 of 2nd mesh 36)
        var a = shapes.plane().get(0).getEnvelopeInternal();
        var b = shapes.plane().get(1).getEnvelopeInternal();
        assertEquals(a.getMaxX(), b.getMinX(), 1.0);
        assertEquals(a.getMinY(), b.getMinY(), 5.0);
        MapSpec spec = LocationMaps.spec(r, shapes, "weekday", "devices");
        assertEquals(40.0, spec.layers().get(0).values()[0]);
        assertEquals(30.0, spec.layers().get(0).values()[1]);
    }

    @Test
    void odHasNoMap() {
        ProtectedTable t = new DisclosureGuard(10, 1).protect(new CountTable("origin", "destination", "trips", "devices", true,
                WARDS, WARDS, List.of()), Set.of());
        LocationService.Result r = new LocationService.Result("p", "od", "od|x", Map.of(), t, null, AreaLayer.bundledWards());
        assertFalse(LocationMaps.mappable(r));
        assertThrows(RuntimeException.class, () -> LocationMaps.shapes(r));
    }
}
