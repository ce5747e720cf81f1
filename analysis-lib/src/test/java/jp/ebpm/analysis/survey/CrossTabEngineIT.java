package jp.ebpm.analysis.survey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;

/** Weight handling, layers, NET rows and letters on small hand-checked tables. */
class CrossTabEngineIT {

    private static CrossTabResult run(Path dir, String csv, CrossTabSpec spec) throws Exception {
        Files.writeString(dir.resolve("d.csv"), csv, StandardCharsets.UTF_8);
        try (Project p = Project.create(dir.resolve("p")); Connection c = p.connect()) {
            CsvTable.load(c, dir.resolve("d.csv"), StandardCharsets.UTF_8, "d");
            return CrossTabEngine.run(c, spec, null, Cancellation.none());
        }
    }

    @Test
    void emptyZeroNegativeAndTextWeightsLeaveTheTable(@TempDir Path dir) throws Exception {
        // PSPP WEIGHT: cases with zero, negative or missing weight are dropped (the ct04 vector uses positive
        // fractional weights; these rows are checked by hand)
        CrossTabResult r = run(dir, "x,y,w\n1,1,1.5\n1,2,2\n2,1,0\n2,1,-3\n2,2,\n2,2,abc\n2,2,0.5\n1,1,1\n",
                CrossTabSpec.of("d", "x", "y").withWeight("w", WeightKind.FREQUENCY));
        assertEquals(4, r.excludedByWeight());
        assertArrayEquals(new double[] {2.5, 2}, r.overall().table().counts()[0], 0.0);
        assertArrayEquals(new double[] {0, 0.5}, r.overall().table().counts()[1], 0.0);
        assertEquals(5.0, r.overall().table().total(), 0.0);
    }

    @Test
    void layersGiveOneTablePerValue(@TempDir Path dir) throws Exception {
        CrossTabResult r = run(dir, "x,y,z\n1,1,a\n1,2,a\n2,2,a\n1,1,b\n2,1,b\n2,2,b\n2,2,\n",
                CrossTabSpec.of("d", "x", "y").withLayer("z"));
        assertEquals(2, r.layers().size());
        assertEquals("a", r.layers().get(0).layer().code());
        // by hand: layer a = [[1,1],[0,1]], layer b = [[1,0],[1,1]], overall includes the row without z
        assertArrayEquals(new double[] {1, 1}, r.layers().get(0).table().counts()[0], 0.0);
        assertArrayEquals(new double[] {1, 1}, r.layers().get(1).table().counts()[1], 0.0);
        assertEquals(7.0, r.overall().table().total(), 0.0);
        assertTrue(r.overall().warnings().stream().anyMatch(w -> w.contains("Small base")));
    }

    @Test
    void netRowsGetLettersAndMarkers(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("q,g,n\n");
        // column A: 80 of 100 answer 1 or 2; column B: 40 of 100 (constructed)
        csv.append("1,A,50\n2,A,30\n3,A,15\n4,A,5\n1,B,20\n2,B,20\n3,B,30\n4,B,30\n");
        CrossTabSpec spec = CrossTabSpec.of("d", "q", "g").withWeight("n", WeightKind.FREQUENCY)
                .withOptions(false, 0.05, LikertSummary.nets(List.of("1", "2", "3", "4"), false));
        CrossTab t = run(dir, csv.toString(), spec).overall();
        CrossTab.NetRow top = t.nets().get(0);
        assertEquals(80.0, top.colPct()[0], 1e-12);
        assertEquals(40.0, top.colPct()[1], 1e-12);
        // pooled z for 80/100 vs 40/100 = 5.77 (hand computation) → A higher than B
        assertEquals("B", top.letters()[0]);
        assertEquals("", top.letters()[1]);
        assertEquals("▲", t.markers()[0][0]);
        assertEquals("▼", t.markers()[0][1]);
        LikertSummary l = LikertSummary.of(t, false);
        // mean score A = (50+60+45+20)/100 = 1.75
        assertEquals(1.75, l.mean()[0], 1e-12);
        assertEquals(20.0, l.bottom2Pct()[0], 1e-12);
    }

    @Test
    void samplingWeightsTestOnTheRespondentScale(@TempDir Path dir) throws Exception {
        CrossTabResult r = run(dir, "x,y,w\n1,1,10\n1,2,20\n2,1,30\n2,2,5\n1,1,10\n2,2,15\n",
                CrossTabSpec.of("d", "x", "y").withWeight("w", WeightKind.SAMPLING));
        CrossTab t = r.overall();
        assertEquals(90.0, t.table().total(), 0.0);
        assertEquals(6.0, t.tests().total(), 1e-12);
        assertTrue(t.raoScott() != null && t.raoScott().ddf() > 0);
        assertArrayEquals(new double[] {3, 3}, t.colBase(), 0.0);
        assertNull(CrossTabSpec.of("d", "x", "y").weightVar());
    }
}
