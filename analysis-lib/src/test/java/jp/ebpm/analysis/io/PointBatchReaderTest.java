package jp.ebpm.analysis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.GeometryFactory;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.store.PointFunctions;
import jp.ebpm.analysis.store.ScratchDatabase;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.CancelledException;
import jp.ebpm.analysis.task.ProgressListener;

class PointBatchReaderTest {

    @TempDir
    Path dir;

    /** One group per whole degree of longitude (139 for every usable point below). */
    private static final PointFunctions.Kernel DEGREE = (x, y, n, out) -> {
        for (int i = 0; i < n; i++) {
            out[i] = Double.isNaN(x[i]) ? PointFunctions.NULL : (long) Math.floor(x[i]);
        }
    };

    /** Rows: 4 usable (one with full-width digits, one with blanks), 2 empty, 1 text, 2 out of range, 1 outside Japan. */
    private static final String TABLE = String.join("\n",
            "名称,緯度,経度,値",
            "A,35.5,139.6,1",
            "B,３５.５２,１３９.７,2",
            "C, 35.6 ,139.61,x",
            "D,35.61,139.62,",
            "E,,139.6,5",
            "F,35.5,,6",
            "G,北緯35度,139.6,7",
            "H,95,139.6,8",
            "I,35.5,200,9",
            "J,0,0,10",
            "");

    private static PointScan scanOf(Path file) {
        try (PointBatchReader r = PointBatchReader.open(file, null, null, null, ProgressListener.NONE, Cancellation.none())) {
            PointGroups g = r.groupBy(DEGREE, "名称", "値", ProgressListener.NONE, Cancellation.none());
            // 4 usable points, all at 139 E; values 1, 2, (x = not a number), (empty): sum 3 of 2 values
            assertEquals(Map.of(139L, new PointGroups.Group(4, 4, 3.0, 2)), g.groups());
            return g.scan();
        }
    }

    @Test
    void badPointsAreSkippedAndCountedByReason() throws Exception {
        PointScan s = scanOf(ImportTestFiles.write(dir, "p.csv", TABLE, StandardCharsets.UTF_8));
        assertEquals(new PointScan(10, 2, 1, 2, 1, 0), s);
        assertEquals("6 points have unusable coordinates (2 empty, 1 not numbers, 2 out of range (longitude −180..180, "
                + "latitude −90..90), 1 outside the area of use of EPSG:6668)", s.describeSkipped("EPSG:6668"));
    }

    @Test
    void cp932EucJpTsvAndParquetGiveTheSameResult() throws Exception {
        PointScan expected = new PointScan(10, 2, 1, 2, 1, 0);
        assertEquals(expected, scanOf(ImportTestFiles.write(dir, "sjis.csv", TABLE, ImportTestFiles.CP932)));
        assertEquals(expected, scanOf(ImportTestFiles.write(dir, "euc.csv", TABLE, Charset.forName("EUC-JP"))));
        assertEquals(expected, scanOf(ImportTestFiles.write(dir, "p.tsv", TABLE.replace(',', '\t'), StandardCharsets.UTF_8)));
        Path csv = ImportTestFiles.write(dir, "p.csv", TABLE, StandardCharsets.UTF_8);
        Path parquet = dir.resolve("p.parquet");
        try (Connection c = ScratchDatabase.connect(); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv(" + Sql.literal(csv.toString()) + ", all_varchar=true)) TO "
                    + Sql.literal(parquet.toString()) + " (FORMAT parquet)");
        }
        assertEquals(expected, scanOf(parquet));
    }

    @Test
    void excelPointsAreReadThroughTheImporter() throws Exception {
        Path f = dir.resolve("p.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            Sheet s = wb.createSheet("points");
            Object[][] rows = {{"名称", "緯度", "経度", "値"}, {"A", 35.5, 139.6, 1.0}, {"B", 35.52, 139.7, 2.0}, {"C", "", "", 3.0}};
            for (int i = 0; i < rows.length; i++) {
                Row r = s.createRow(i);
                for (int j = 0; j < 4; j++) {
                    if (rows[i][j] instanceof String t) {
                        if (!t.isEmpty()) {
                            r.createCell(j).setCellValue(t);
                        }
                    } else {
                        r.createCell(j).setCellValue((Double) rows[i][j]);
                    }
                }
            }
            wb.write(out);
        }
        try (PointBatchReader r = PointBatchReader.open(f, null, null, null, ProgressListener.NONE, Cancellation.none())) {
            PointGroups g = r.groupBy(DEGREE, null, "値", ProgressListener.NONE, Cancellation.none());
            assertEquals(Map.of(139L, new PointGroups.Group(2, 0, 3.0, 2)), g.groups());
            assertEquals(1, g.scan().missing());
        }
    }

    @Test
    void copyCsvKeepsTheTextAndAddsOrReplacesAColumn() throws Exception {
        Path in = ImportTestFiles.write(dir, "q.csv", "id,lat,lon,note\n1,35.5,139.6,\"a, \"\"quoted\"\" note\"\n2,,,\n3,35.50,139.70,x\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("o.csv");
        try (PointBatchReader r = PointBatchReader.open(in, "LAT", "Lon", null, ProgressListener.NONE, Cancellation.none())) {
            assertEquals("lat", r.latitudeColumn());
            PointScan s = r.copyCsv(out, DEGREE, "deg", call -> "CAST(" + call + " AS VARCHAR)", ProgressListener.NONE, Cancellation.none());
            assertEquals(new PointScan(3, 1, 0, 0, 0, 0), s);
            assertEquals(List.of("id,lat,lon,note,deg", "1,35.5,139.6,\"a, \"\"quoted\"\" note\",139", "2,,,,", "3,35.50,139.70,x,139"),
                    Files.readAllLines(out));
            r.copyCsv(out, DEGREE, "note", call -> "CAST(" + call + " AS VARCHAR)", ProgressListener.NONE, Cancellation.none());
            assertEquals(List.of("id,lat,lon,note", "1,35.5,139.6,139", "2,,,", "3,35.50,139.70,139"), Files.readAllLines(out));
        }
    }

    @Test
    void forEachBatchSeesEveryUsablePointOnce() throws Exception {
        StringBuilder sb = new StringBuilder("lat,lon\n");
        for (int i = 0; i < 10_000; i++) {
            sb.append(35 + i * 1e-5).append(',').append(i % 7 == 0 ? "" : String.valueOf(139 + i * 1e-5)).append('\n');
        }
        Path f = ImportTestFiles.write(dir, "many.csv", sb.toString(), StandardCharsets.UTF_8);
        List<Double> ys = new ArrayList<>();
        try (PointBatchReader r = PointBatchReader.open(f, null, null, null, ProgressListener.NONE, Cancellation.none())) {
            PointScan s = r.forEachBatch((x, y, n) -> {
                for (int i = 0; i < n; i++) {
                    ys.add(y[i]);
                }
            }, ProgressListener.NONE, Cancellation.none());
            assertEquals(10_000 - 1429, ys.size());
            assertEquals(1429, s.missing());
        }
    }

    @Test
    void badFilesAndNamesGiveClearErrors() throws Exception {
        Path sjis = ImportTestFiles.write(dir, "open.csv", "名称,緯度,経度\nA,35.5,139.6\n\"B,35.5,139.6\nC,35.5,139.6\n",
                ImportTestFiles.CP932);
        WorkbenchException open = assertThrows(WorkbenchException.class, () -> scanOf(sjis));
        assertTrue(open.getMessage().contains("open.csv"), open.getMessage());
        assertTrue(open.getMessage().toLowerCase(java.util.Locale.ROOT).contains("quote"), open.getMessage());
        Path utf16 = ImportTestFiles.write(dir, "u16.csv", "lat,lon\n35.5,139.6\n", StandardCharsets.UTF_16LE);
        WorkbenchException binary = assertThrows(WorkbenchException.class, () -> scanOf(utf16));
        assertTrue(binary.getMessage().contains("u16.csv"), binary.getMessage());
        Path ok = ImportTestFiles.write(dir, "ok.csv", "a,b\n1,2\n", StandardCharsets.UTF_8);
        WorkbenchException none = assertThrows(WorkbenchException.class,
                () -> PointBatchReader.open(ok, null, null, null, ProgressListener.NONE, Cancellation.none()));
        assertTrue(none.getMessage().contains("No latitude column"), none.getMessage());
        IllegalArgumentException named = assertThrows(IllegalArgumentException.class,
                () -> PointBatchReader.open(ok, "lat", "b", null, ProgressListener.NONE, Cancellation.none()));
        assertTrue(named.getMessage().contains("columns: a, b"), named.getMessage());
    }

    @Test
    void cancelStopsTheScan() throws Exception {
        Path f = ImportTestFiles.write(dir, "p.csv", TABLE, StandardCharsets.UTF_8);
        Cancellation c = new Cancellation();
        c.cancel();
        try (PointBatchReader r = PointBatchReader.open(f, null, null, null, ProgressListener.NONE, Cancellation.none())) {
            assertThrows(CancelledException.class, () -> r.groupBy(DEGREE, null, null, ProgressListener.NONE, c));
        }
    }

    @Test
    void featuresOfASmallTableKeepRowsWithoutLocation() throws Exception {
        Path f = ImportTestFiles.write(dir, "p.csv", TABLE, StandardCharsets.UTF_8);
        try (PointBatchReader r = PointBatchReader.open(f, null, null, null, ProgressListener.NONE, Cancellation.none())) {
            VectorData v = r.features(new GeometryFactory(), Cancellation.none());
            assertEquals(10, v.features().size());
            assertEquals(139.6, v.features().get(0).geometry().getCoordinate().x, 0);
            assertEquals("C", v.features().get(2).get("名称"));
            assertNull(v.features().get(4).geometry());
            assertTrue(v.warnings().get(0).startsWith("6 rows have no usable latitude/longitude"), v.warnings().toString());
        }
    }
}
