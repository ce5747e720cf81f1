package jp.ebpm.analysis.gis.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.io.GeoJsonReader;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;

class SyntheticMeshPopulationTest {

    @Test
    void cellsSumExactlyToEachWardAndAreDeterministic() throws Exception {
        VectorData wards;
        try (InputStream in = getClass().getResourceAsStream("/jp/ebpm/analysis/gis/overlay/kawasaki-wards-n03-2021-simplified.geojson")) {
            wards = GeoJsonReader.read(in, "w.geojson", new GeometryFactory());
        }
        // Hand-chosen round totals close to the 2021-10 ward populations; the check is that the sums are exact.
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("14131", 232_000L);
        totals.put("14132", 171_000L);
        totals.put("14133", 264_000L);
        totals.put("14134", 233_000L);
        totals.put("14135", 220_000L);
        totals.put("14136", 233_000L);
        totals.put("14137", 180_000L);
        VectorData a = SyntheticMeshPopulation.generate(wards, "N03_007", "N03_004", totals, MeshLevel.HALF, 1);
        VectorData b = SyntheticMeshPopulation.generate(wards, "N03_007", "N03_004", totals, MeshLevel.HALF, 1);
        Map<String, Long> sums = new LinkedHashMap<>();
        for (GeoFeature f : a.features()) {
            sums.merge((String) f.get("area_key"), (Long) f.get("population"), Long::sum);
            assertEquals(9, ((String) f.get("mesh_code")).length());
        }
        assertEquals(totals, sums);
        assertEquals(a.features().size(), b.features().size());
        for (int i = 0; i < a.features().size(); i++) {
            assertEquals(a.features().get(i).get("population"), b.features().get(i).get("population"));
        }
    }
}
