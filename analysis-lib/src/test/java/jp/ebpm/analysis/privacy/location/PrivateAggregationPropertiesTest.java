package jp.ebpm.analysis.privacy.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.guard.ProtectedTable;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;

/**
 * For random ping data and random groupings, the whole pipeline (import, area assignment, SQL
 * aggregation, guard) publishes no cell with between 1 and k−1 distinct devices, and every published
 * cell equals a count computed independently in Java (JTS point-in-polygon per ping, mesh code by the
 * JIS X 0410 formula).
 */
class PrivateAggregationPropertiesTest {

    private static Path dir;
    private static Project project;
    private static UnlockedVault vault;
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final AreaLayer WARDS = AreaLayer.bundledWards();
    private static final GeometryFactory GF = new GeometryFactory();

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("wb-privacy-prop");
        project = Project.create(dir.resolve("project"));
        vault = UnlockedVault.openOrCreate(project, "property test passphrase".toCharArray());
    }

    @AfterContainer
    static void close() throws IOException {
        vault.close();
        project.close();
        PrivacyTestData.deleteTree(dir);
    }

    @Property(tries = 25)
    void publishedCellsHaveZeroOrAtLeastKDevicesAndAreExact(@ForAll @IntRange(min = 1, max = 60) int devices,
                                                             @ForAll @IntRange(min = 3, max = 12) int k,
                                                             @ForAll @IntRange(min = 0, max = 2) int levelIdx,
                                                             @ForAll @IntRange(min = 0, max = 3) int bandIdx,
                                                             @ForAll long seed) throws IOException {
        AreaLevel level = List.of(AreaLevel.WARD, AreaLevel.MESH3, AreaLevel.MESH4).get(levelIdx);
        TimeBand band = TimeBand.values()[bandIdx];
        Random rnd = new Random(seed);
        Envelope env = new Envelope();
        WARDS.areas().forEach(a -> env.expandToInclude(a.geometry().getEnvelopeInternal()));
        // a few hot spots so that some cells pass k
        List<Coordinate> spots = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            spots.add(new Coordinate(env.getMinX() + rnd.nextDouble() * env.getWidth(), env.getMinY() + rnd.nextDouble() * env.getHeight()));
        }
        List<String> lines = new ArrayList<>(List.of("user_id,datetime,latitude,longitude"));
        Map<String, Set<String>> truth = new HashMap<>();
        for (int d = 0; d < devices; d++) {
            int pings = 1 + rnd.nextInt(6);
            for (int i = 0; i < pings; i++) {
                Coordinate c = spots.get(rnd.nextInt(spots.size()));
                double lon = c.x + (rnd.nextDouble() - 0.5) * 0.01;
                double lat = c.y + (rnd.nextDouble() - 0.5) * 0.01;
                LocalDateTime t = LocalDateTime.of(2026, 4 + rnd.nextInt(2), 1 + rnd.nextInt(9), rnd.nextInt(24), rnd.nextInt(60));
                lines.add("u" + d + "," + t.toString().replace('T', ' ') + ":00," + lat + "," + lon);
                String area = area(level, lat, lon);
                if (area != null) {
                    truth.computeIfAbsent(area + "\t" + time(band, t), x -> new HashSet<>()).add("u" + d);
                }
            }
        }
        String name = "d" + SEQ.incrementAndGet();
        Path csv = dir.resolve(name + ".csv");
        Files.write(csv, lines);
        PingImporter.importPings(vault, csv, LocationImportOptions.detect(name, LocationImportOptions.Kind.PINGS),
                (m, a, b) -> { }, Cancellation.none());
        Files.delete(csv);
        ProtectedTable t = new LocationService(vault).aggregate(name, level, WARDS, band, k, 1, Cancellation.none()).table();
        for (ProtectedTable.Cell c : t.cells()) {
            int n = truth.getOrDefault(c.row() + "\t" + c.col(), Set.of()).size();
            if (!c.suppressed()) {
                assertTrue(n == 0 || n >= k, "published cell with " + n + " devices, k=" + k);
                assertEquals(n, c.persons().intValue(), c.row() + " " + c.col());
            } else if (c.primary()) {
                assertTrue(n >= 1 && n < k);
            }
        }
    }

    static String area(AreaLevel level, double lat, double lon) {
        switch (level) {
            case WARD -> {
                for (AreaLayer.Area a : WARDS.areas()) {
                    if (a.geometry().intersects(GF.createPoint(new Coordinate(lon, lat)))) {
                        return a.key();
                    }
                }
                return null;
            }
            default -> {
                long a = (long) Math.floor(lat * 120);
                long b = (long) Math.floor((lon - 100) * 80);
                String m3 = String.format(Locale.ROOT, "%d%d%d%d%d%d", a / 80, b / 80, (a % 80) / 10, (b % 80) / 10, a % 10, b % 10);
                if (level == AreaLevel.MESH3) {
                    return m3;
                }
                long s = (long) Math.floor(lat * 240) % 2;
                long w = (long) Math.floor((lon - 100) * 160) % 2;
                return m3 + (s * 2 + w + 1);
            }
        }
    }

    static String time(TimeBand band, LocalDateTime t) {
        return switch (band) {
            case HOUR -> Integer.toString(t.getHour());
            case WEEKDAY -> t.getDayOfWeek().getValue() >= 6 ? "weekend" : "weekday";
            case DATE -> t.toLocalDate().toString();
            case MONTH -> t.toLocalDate().toString().substring(0, 7);
        };
    }
}
