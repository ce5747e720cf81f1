package jp.ebpm.workbench.journey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import jp.ebpm.analysis.privacy.audit.AuditLog;
import jp.ebpm.analysis.sample.SampleProject;
import jp.ebpm.analysis.store.QueryResult;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.workbench.cli.CliTestSupport;
import jp.ebpm.workbench.export.TestWorkbooks;

/**
 * Journey 2, EBPM help desk (issue 15), in the real main window on a fresh copy of the sample project: the synthetic
 * 500 m mesh population with the ward outlines and the shelters on one map (the same map as
 * {@code workbench map render --overlay ...}); shelters per ward (checked against the ward in each shelter's address,
 * an independent source); the population within 500 m of a shelter per ward (the same figures as
 * {@code workbench overlay area-weight} on the sample files); the sample pings imported with a passphrase, the guarded
 * ward × hour table and its map, exported as PNG and .xlsx: no published cell below k, the same table as
 * {@code workbench location aggregate}, every release in the audit log, which verifies.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class HelpDeskJourneyTest {

    static final String MESH = "kawasaki_mesh500_population_synthetic";
    static final String PASSPHRASE = "journey help desk passphrase";

    @TempDir
    Path temp;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void forgetPassphrase() {
        CliTestSupport.usePassphrase(null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void mapOverlaysAndGuardedPings(FxRobot robot) throws Exception {
        JourneyWindow w = JourneyWindow.open(robot, stage, temp);
        Path gis = SampleProject.locateSampleData().orElseThrow().resolve("gis");

        // 1. Map: mesh population, with the shelters and the ward outlines drawn on top
        w.tab("feature-map");
        w.showMap(MESH, List.of("kawasaki_shelters", "kawasaki_wards"));
        w.unfold("#map-export");
        Path mapPng = temp.resolve("mesh-map.png");
        w.dialogs.answer(mapPng);
        w.click("#map-export");
        JourneyWindow.waitFor(30, () -> Files.exists(mapPng) && Files.size(mapPng) > 10_000);
        // the command line draws the same map from the same project and library call: the same pixels
        Path cliPng = temp.resolve("cli-map.png");
        CliTestSupport.Result render = CliTestSupport.run("map", "render", "--project", w.projectDir.toString(), "--layer", MESH,
                "--overlay", "kawasaki_shelters", "--overlay", "kawasaki_wards", "--width", "1600", "--height", "1200",
                "--dpi", "150", "--out", cliPng.toString());
        assertEquals(0, render.exitCode(), render.err());
        // the tab exports the view on screen (its extent follows the window), so the frame may differ slightly; the
        // panel right of the frame — north arrow and legend: the 5 classes of the population with their counts, the
        // shelters' dot, the wards' outline — must be the same pixels
        assertSamePixels(cliPng, mapPng, 1270, 0, 1600, 640);

        // 2. Overlay: shelters per ward
        TableView<List<String>> result = w.overlay(0, null, "kawasaki_shelters", "kawasaki_wards", "N03_004", "shelters_per_ward",
                "count");
        JourneyWindow.waitFor(10, () -> result.getItems().size() == 7);
        // the choices stay as the user made them after a run (the new layer is added to the lists)
        Thread.sleep(1000);
        assertEquals("N03_004", robot.lookup("#overlay-key").queryAs(javafx.scene.control.ComboBox.class).getValue());
        assertEquals("kawasaki_wards", robot.lookup("#overlay-polygons").queryAs(javafx.scene.control.ComboBox.class).getValue());
        Map<String, Long> counted = new TreeMap<>();
        int keyCol = column(result, "N03_004");
        int countCol = column(result, "count");
        for (List<String> row : result.getItems()) {
            counted.put(row.get(keyCol), Long.parseLong(row.get(countCol).replace(",", "")));
        }
        assertEquals(sheltersByAddress(gis.resolve("kawasaki-emergency-evacuation-sites-gsi.csv")), counted,
                "point in polygon agrees with the ward in each shelter's address");
        assertEquals(187, counted.values().stream().mapToLong(Long::longValue).sum());

        // 3. Overlay: population within 500 m of any shelter, per ward
        w.overlay(2, MESH, "kawasaki_shelters", "kawasaki_wards", "N03_004", "population_near_shelters", "population_share");
        Path coverage = temp.resolve("coverage.csv");
        CliTestSupport.Result aw = CliTestSupport.run("overlay", "area-weight", "--source",
                gis.resolve("kawasaki-mesh500-population-synthetic.geojson").toString(), "--value", "population", "--target",
                gis.resolve("kawasaki-wards-n03-2021-simplified.geojson").toString(), "--key", "N03_004", "--near-points",
                gis.resolve("kawasaki-emergency-evacuation-sites-gsi.csv").toString(), "--distance", "500", "--within-targets",
                "--out", coverage.toString());
        assertEquals(0, aw.exitCode(), aw.err());
        Map<String, double[]> cli = new LinkedHashMap<>();
        for (String line : Files.readAllLines(coverage, StandardCharsets.UTF_8).subList(1, 8)) {
            String[] f = line.split(",");
            cli.put(f[0], new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])});
        }
        QueryResult q = w.project().query("SELECT N03_004, population, population_covered, population_share FROM "
                + "population_near_shelters", 10, Cancellation.none());
        double total = 0;
        for (Object[] row : q.rows()) {
            double[] expected = cli.get((String) row[0]);
            for (int i = 0; i < 3; i++) {
                double got = ((Number) row[i + 1]).doubleValue();
                assertEquals(expected[i], got, 1e-9 * Math.max(1, Math.abs(expected[i])), row[0] + " column " + (i + 1));
            }
            assertTrue(expected[2] > 0 && expected[2] <= 1, row[0] + " share " + expected[2]);
            total += ((Number) row[1]).doubleValue();
        }
        // the synthetic mesh sums to the real population of the seven wards (Kanagawa, October 2021)
        assertEquals(1_541_159, total, 1e-6);
        int shareCol = column(result, "population_share");
        assertTrue(result.getItems().stream().allMatch(r -> r.get(shareCol).endsWith("%")), "shares shown as %");

        // 4. Location data: unlock (passphrase twice the first time), import the sample pings
        w.tab("feature-location");
        w.unlockAndImportPings(PASSPHRASE);
        Label status = robot.lookup("#locationStatus").queryAs(Label.class);
        assertTrue(status.getText().startsWith("Imported 100000"), status.getText());

        // the guarded ward × hour table
        ChoiceBox<String> by = robot.lookup("#locationBy").queryAs(ChoiceBox.class);
        ChoiceBox<String> time = robot.lookup("#locationTime").queryAs(ChoiceBox.class);
        assertEquals("ward", by.getValue());
        assertEquals("hour", time.getValue());
        w.click("#locationAggregate");
        TableView<List<String>> table = robot.lookup("#locationResult").queryAs(TableView.class);
        JourneyWindow.waitFor(60, () -> table.getItems().size() == 7 * 24);
        int k = robot.lookup("#locationK").queryAs(javafx.scene.control.Spinner.class).getValue() instanceof Integer i ? i : -1;
        assertEquals(10, k, "the project's k");
        long suppressed = 0;
        List<String> shown = new ArrayList<>();
        for (List<String> row : table.getItems()) { // area, time, pings, devices (the area's name is a column beside)
            if ("χ".equals(row.get(3))) {
                suppressed++;
                assertEquals("χ", row.get(2), "a suppressed cell hides its pings too");
            } else {
                long d = Long.parseLong(row.get(3));
                assertTrue(d == 0 || d >= k, "visible cell below k: " + row);
            }
            shown.add(String.join(",", row));
        }
        // with 100,000 pings of about 1,430 devices every ward has at least k devices in every hour: nothing to hide
        assertEquals(0, suppressed, "suppressed cells of the sample's ward × hour table");

        // the command line releases the same table from the same vault
        CliTestSupport.usePassphrase(PASSPHRASE);
        Path cliCsv = temp.resolve("ward-hour-cli.csv");
        CliTestSupport.Result agg = CliTestSupport.run("location", "aggregate", "--project", w.projectDir.toString(), "--dataset",
                "pings", "--by", "ward", "--time", "hour", "--out", cliCsv.toString());
        assertEquals(0, agg.exitCode(), agg.err());
        assertEquals(shown, Files.readAllLines(cliCsv).subList(1, 1 + 7 * 24), "the tab and workbench location aggregate");

        // 5. The map of the table (hour 8) and both exports through the save dialogs
        Path xlsx = temp.resolve("ward-hour.xlsx");
        w.dialogs.answer(xlsx);
        w.click("#locationExport");
        JourneyWindow.waitFor(30, () -> Files.exists(xlsx) && status.getText().startsWith("Exported"));
        w.subTab("#locationTabs", "Map");
        ComboBox<String> mapTime = robot.lookup("#locationMapTime").queryAs(ComboBox.class);
        JourneyWindow.waitFor(10, () -> mapTime.getValue() != null);
        robot.interact(() -> mapTime.setValue("8"));
        Label mapInfo = robot.lookup("#locationMapInfo").queryAs(Label.class);
        long chiAt8 = table.getItems().stream().filter(r -> r.get(1).equals("8") && r.get(3).equals("χ")).count();
        JourneyWindow.waitFor(10, () -> mapInfo.getText().startsWith("Map of devices at time 8: 7 areas, " + chiAt8 + " suppressed"));
        Path png = temp.resolve("ward-hour-8.png");
        w.dialogs.answer(png);
        w.click("#locationExportMap");
        JourneyWindow.waitFor(30, () -> Files.exists(png) && status.getText().startsWith("Map exported"));
        assertEquals(1200, ImageIO.read(png.toFile()).getWidth());

        // the workbook: the guard's parameters, then the same cells; nothing visible below k
        try (Workbook wb = TestWorkbooks.open(xlsx)) {
            Sheet s = wb.getSheetAt(0);
            String head = text(s, 0, 4);
            assertTrue(head.contains("pings — ") && head.contains("k = 10") && head.contains("χ = 秘匿"), head);
            int cells = 0;
            int chi = 0;
            for (Row row : s) {
                Cell d = row.getCell(3);
                if (d == null || row.getCell(1) == null) {
                    continue;
                }
                if (d.getCellType() == CellType.NUMERIC) {
                    double v = d.getNumericCellValue();
                    assertTrue(v == 0 || v >= k, "a cell below k in the workbook: " + v);
                    cells++;
                } else if ("χ".equals(d.toString())) {
                    chi++;
                }
            }
            assertEquals(7 * 24 - suppressed, cells, "every published cell");
            assertEquals(suppressed, chi, "every suppressed cell as χ");
        }

        // a finer table of the same pings (1 km mesh × hour) has thin cells: they are shown as χ, none below k
        w.subTab("#locationTabs", "Table");
        robot.interact(() -> by.setValue("mesh3"));
        w.click("#locationAggregate");
        JourneyWindow.waitFor(60, () -> table.getItems().size() > 7 * 24 && !table.getItems().get(0).get(0).startsWith("141"));
        long chi = 0;
        for (List<String> row : table.getItems()) {
            if ("χ".equals(row.get(3))) {
                chi++;
            } else {
                long d = Long.parseLong(row.get(3));
                assertTrue(d == 0 || d >= k, "visible mesh cell below k: " + row);
            }
        }
        assertTrue(chi > 0, "thin mesh cells are suppressed");

        // 6. The audit log: every view and export, with the files' SHA-256; the chain and the MACs verify
        w.subTab("#locationTabs", "Audit log");
        w.click("#locationVerifyAudit");
        Label auditStatus = robot.lookup("#locationAuditStatus").queryAs(Label.class);
        JourneyWindow.waitFor(10, () -> auditStatus.getText().startsWith("Audit log OK"));
        var entries = new AuditLog(w.project()).read();
        assertEquals(List.of("aggregate.view", "aggregate.export", "aggregate.export", "aggregate.map.export", "aggregate.view"),
                entries.stream().map(e -> e.operation()).toList());
        assertEquals(AuditLog.sha256(xlsx), entries.get(2).outputSha256());
        assertEquals(AuditLog.sha256(png), entries.get(3).outputSha256());
        CliTestSupport.Result verify = CliTestSupport.run("audit", "--project", w.projectDir.toString(), "--verify");
        assertEquals(0, verify.exitCode(), verify.out() + verify.err());
        assertTrue(JourneyWindow.dialogTexts().isEmpty(), JourneyWindow.dialogTexts().toString());
        w.close();
    }

    /** Shelters per ward by the ward named in each shelter's address (住所: 神奈川県川崎市中原区…). */
    static Map<String, Long> sheltersByAddress(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        int address = List.of(lines.get(0).split(",")).indexOf("住所");
        Pattern ward = Pattern.compile("川崎市(.+?区)");
        Map<String, Long> out = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            Matcher m = ward.matcher(line.split(",", -1)[address]);
            assertTrue(m.find(), line);
            out.merge(m.group(1), 1L, Long::sum);
        }
        return out;
    }

    private static int column(TableView<List<String>> t, String name) {
        for (int i = 0; i < t.getColumns().size(); i++) {
            if (t.getColumns().get(i).getText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name);
    }

    private static void assertSamePixels(Path expected, Path actual, int x0, int y0, int x1, int y1) throws Exception {
        BufferedImage a = ImageIO.read(expected.toFile());
        BufferedImage b = ImageIO.read(actual.toFile());
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        int w = x1 - x0;
        int h = y1 - y0;
        int[] pa = a.getRGB(x0, y0, w, h, null, 0, w);
        int[] pb = b.getRGB(x0, y0, w, h, null, 0, w);
        assertTrue(java.util.Arrays.stream(pa).distinct().count() > 20, "the region holds a drawing");
        assertArrayEquals(pa, pb, "the tab's map legend = workbench map render's");
    }

    private static String text(Sheet s, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int r = from; r <= to; r++) {
            Row row = s.getRow(r);
            if (row != null) {
                for (Cell c : row) {
                    b.append(c.toString()).append(' ');
                }
            }
        }
        return b.toString();
    }
}
