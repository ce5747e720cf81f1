package jp.ebpm.analysis.io;

import static jp.ebpm.analysis.io.ImportTestFiles.CP932;
import static jp.ebpm.analysis.io.ImportTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.QueryResult;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/** Imports real files into a real DuckDB project in a temporary folder. */
class ImporterIT {

    @TempDir
    Path dir;
    Project project;

    @BeforeEach
    void open() {
        project = Project.create(dir.resolve("p"));
    }

    @AfterEach
    void close() {
        project.close();
    }

    private ImportResult load(Path f, ImportOptions o) {
        return Importer.importFile(project, f, o, ProgressListener.NONE, Cancellation.none());
    }

    private QueryResult q(String sql) {
        return project.query(sql, 1000, Cancellation.none());
    }

    @Test
    void utf8CsvKeepsJapaneseNamesTypesAndHash() throws Exception {
        String text = "区名,人口,面積,調査日\n川崎区,232000,40.25,2020-10-01\n幸区,170000,10.01,2020-10-01\n";
        Path f = write(dir, "区別人口.csv", text, StandardCharsets.UTF_8);
        DatasetInfo d = load(f, ImportOptions.defaults()).dataset();
        assertEquals("区別人口", d.name());
        assertEquals(2, d.rowCount());
        assertEquals(List.of(new ColumnInfo("区名", "VARCHAR"), new ColumnInfo("人口", "BIGINT"),
                new ColumnInfo("面積", "DOUBLE"), new ColumnInfo("調査日", "DATE")), d.columns());
        assertEquals("UTF-8", d.encoding());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))), d.sourceSha256());
        assertEquals(DatasetKind.TABLE, d.kind());
        assertEquals(402000L, ((Number) q("SELECT sum(人口) FROM 区別人口").get(0, 0)).longValue()); // 232000 + 170000
    }

    @Test
    void cp932CsvWithVendorCharactersRoundTrips() throws Exception {
        String text = "氏名,地区,メモ\n髙橋,川﨑,①～ｶﾅ\n山田,幸,\"a,b\"\n";
        Path f = write(dir, "sjis.csv", text, CP932);
        DatasetInfo d = load(f, ImportOptions.defaults()).dataset();
        assertEquals("CP932", d.encoding());
        assertEquals(2, d.rowCount());
        QueryResult r = q("SELECT 氏名, 地区, メモ FROM sjis ORDER BY 氏名 DESC");
        assertEquals("髙橋", r.get(0, 0));
        assertEquals("川﨑", r.get(0, 1));
        assertEquals("①～ｶﾅ", r.get(0, 2));
        assertEquals("a,b", r.get(1, 2));
        assertTrue(ImportTestFiles.tmpEmpty(project));
    }

    @Test
    void eucJpTsvWithTitleLines() throws Exception {
        String text = "年齢別人口\n令和2年\n\n区\t年齢\t人数\n川崎区\t0\t1200\n幸区\t1\t1300\n";
        Path f = write(dir, "euc.tsv", text, Charset.forName("EUC-JP"));
        ImportPreview pv = Importer.preview(f, ImportOptions.defaults());
        assertEquals("EUC-JP", pv.encoding());
        assertEquals('\t', pv.delimiter());
        assertEquals(3, pv.skipRows());
        assertEquals(List.of("区", "年齢", "人数"), pv.columns().stream().map(ColumnInfo::name).toList());
        assertEquals(List.of("幸区", "1", "1300"), pv.rows().get(1));
        DatasetInfo d = load(f, ImportOptions.defaults()).dataset();
        assertEquals(2, d.rowCount());
        assertEquals("EUC-JP", d.encoding());
    }

    @Test
    void columnTypeOverrideAndNoHeader() {
        Path f = write0("codes.csv", "code,name\n001,a\n002,b\n");
        DatasetInfo d = load(f, ImportOptions.defaults().withColumnTypes(Map.of("code", "varchar"))).dataset();
        assertEquals("VARCHAR", d.columns().get(0).type());
        assertEquals("001", q("SELECT code FROM codes ORDER BY 1").get(0, 0));
        Path g = write0("nums.csv", "1,2\n3,4\n");
        DatasetInfo e = load(g, ImportOptions.defaults()).dataset();
        assertEquals(List.of("column1", "column2"), e.columnNames());
        assertEquals(2, e.rowCount());
    }

    @Test
    void statisticsCsvCombinesHeadersAndFlagsSymbols() {
        String text = "表1 男女別人口\n"
                + "地域,総数,男,,女,\n"
                + ",,15歳未満,15歳以上,15歳未満,15歳以上\n"
                + "川崎区,\"1,234\",χ,600,100,534\n"
                + "幸区,-,…,10,*,20\n"
                + "中原区,△5,1,2,3,4\n"
                + "注：χは秘匿\n";
        Path f = write0("stat.csv", text);
        ImportResult r = load(f, ImportOptions.defaults().withStatistics(true));
        DatasetInfo d = r.dataset();
        assertEquals(DatasetKind.STATISTICS, d.kind());
        assertEquals(3, d.rowCount()); // the note line is left out
        assertEquals(List.of("地域", "総数", "総数_flag", "男_15歳未満", "男_15歳未満_flag", "男_15歳以上",
                "女_15歳未満", "女_15歳未満_flag", "女_15歳以上"), d.columnNames());
        assertEquals("BIGINT", d.columns().get(1).type());
        QueryResult q = q("SELECT 総数, 総数_flag, 男_15歳未満, 男_15歳未満_flag FROM stat ORDER BY 地域");
        // rows ordered by 地域: 中原区, 川崎区, 幸区 (code point order)
        assertEquals(-5L, ((Number) q.get(0, 0)).longValue()); // △5 = -5
        assertEquals(1234L, ((Number) q.get(1, 0)).longValue()); // "1,234"
        assertEquals("χ", q.get(1, 3));
        assertNull(q.get(1, 2));
        assertNull(q.get(2, 0));
        assertEquals("-", q.get(2, 1));
        assertEquals("…", q.get(2, 3));
        assertTrue(r.warnings().get(1).startsWith("4 cells"), r.warnings().toString()); // χ - … *
    }

    @Test
    void xlsxWithTitleMergedHeaderDatesAndFormulas() throws Exception {
        Path f = ImportTestFiles.workbook(dir, "pop.xlsx", false);
        ImportPreview pv = Importer.preview(f, ImportOptions.defaults());
        assertEquals(List.of("人口", "Sheet2"), pv.sheets());
        assertEquals(2, pv.skipRows());
        DatasetInfo d = load(f, ImportOptions.defaults()).dataset();
        assertEquals(List.of(new ColumnInfo("区", "VARCHAR"), new ColumnInfo("人口_男", "BIGINT"), new ColumnInfo("人口_女", "BIGINT"),
                new ColumnInfo("調査日", "DATE"), new ColumnInfo("比率", "DOUBLE")), d.columns());
        assertEquals(3, d.rowCount()); // the note row "資料：国勢調査" is left out
        QueryResult r = q("SELECT 人口_男, 調査日, 比率 FROM pop WHERE 区 = '幸区'");
        assertEquals(85000L, ((Number) r.get(0, 0)).longValue());
        assertEquals(LocalDate.of(2020, 10, 1), r.get(0, 1));
        assertEquals(85000.0 / 86000.0, ((Number) r.get(0, 2)).doubleValue(), 1e-12); // cached formula B6/C6
    }

    @Test
    void legacyXlsAndSheetByIndex() throws Exception {
        Path f = ImportTestFiles.workbook(dir, "pop.xls", true);
        DatasetInfo d = load(f, ImportOptions.defaults().withName("legacy")).dataset();
        assertEquals(3, d.rowCount());
        assertEquals("人口_男", d.columns().get(1).name());
        DatasetInfo s2 = load(f, ImportOptions.defaults().withName("second").withSheet("2").withHeader(false)).dataset();
        assertEquals(1, s2.rowCount());
    }

    @Test
    void statisticsSheetWithMergedParentHeadingSymbolsAndErrorCell() throws Exception {
        Path f = dir.resolve("estat.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.OutputStream out = Files.newOutputStream(f)) {
            org.apache.poi.ss.usermodel.Sheet s = wb.createSheet("表");
            s.createRow(0).createCell(0).setCellValue("第1表　事業所数");
            Object[][] cells = {
                {"地域", "事業所数", null},
                {null, "総数", "うち個人"},
                {"川崎区", 1234.0, "χ"},
                {"幸区", "1,500", "-"},
                {"中原区", 2000.0, 15.0}};
            for (int r = 0; r < cells.length; r++) {
                org.apache.poi.ss.usermodel.Row row = s.createRow(2 + r);
                for (int c = 0; c < 3; c++) {
                    Object v = cells[r][c];
                    if (v instanceof String t) {
                        row.createCell(c).setCellValue(t);
                    } else if (v instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    }
                }
            }
            s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(2, 2, 1, 2));
            s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(2, 3, 0, 0));
            wb.write(out);
        }
        ImportResult plain = load(f, ImportOptions.defaults().withName("plain"));
        assertEquals("VARCHAR", plain.dataset().columns().get(2).type());
        assertTrue(plain.warnings().get(0).contains("statistics symbols"), plain.warnings().toString());
        ImportResult r = load(f, ImportOptions.defaults().withStatistics(true));
        DatasetInfo d = r.dataset();
        assertEquals(List.of("地域", "事業所数_総数", "事業所数_うち個人", "事業所数_うち個人_flag"), d.columnNames());
        assertEquals("BIGINT", d.columns().get(1).type());
        assertEquals("BIGINT", d.columns().get(2).type());
        QueryResult q = q("SELECT sum(事業所数_総数), sum(事業所数_うち個人), string_agg(事業所数_うち個人_flag, '' ORDER BY 地域) FROM estat");
        assertEquals(4734L, ((Number) q.get(0, 0)).longValue()); // 1234 + 1500 + 2000
        assertEquals(15L, ((Number) q.get(0, 1)).longValue());
        assertEquals("χ-", q.get(0, 2)); // 川崎区 then 幸区 (code point order)
    }

    @Test
    void realJapanPostShiftJisFile() throws Exception {
        Path f = dir.resolve("kanagawa-postal-codes-japanpost-sjis.csv");
        try (var in = getClass().getResourceAsStream("kanagawa-postal-codes-japanpost-sjis.csv")) {
            Files.copy(in, f);
        }
        DatasetInfo d = load(f, ImportOptions.defaults().withName("postal").withColumnTypes(Map.of("column1", "VARCHAR"))).dataset();
        // counts and hash from the data set's SOURCES.md: 2,300 rows, 15 columns, 256 Kawasaki rows
        assertEquals(2300, d.rowCount());
        assertEquals(15, d.columns().size());
        assertEquals("CP932", d.encoding());
        assertEquals("bd4d8004746b01487badec8be0f165ed0ed2db18d3c3e5e0e7e85f940e658699", d.sourceSha256());
        assertEquals(256L, ((Number) q("SELECT count(*) FROM postal WHERE column1 BETWEEN '14131' AND '14137'").get(0, 0)).longValue());
        assertEquals("ｶﾜｻｷｼｶﾜｻｷｸ", q("SELECT column5 FROM postal WHERE column1 = '14131' LIMIT 1").get(0, 0));
    }

    @Test
    void parquet() throws Exception {
        Path pq = dir.resolve("pts.parquet");
        project.execute("COPY (SELECT range AS id, range * 0.5 AS v FROM range(10)) TO '" + pq + "' (FORMAT parquet)");
        DatasetInfo d = load(pq, ImportOptions.defaults()).dataset();
        assertEquals(10, d.rowCount());
        assertEquals(List.of("id", "v"), d.columnNames());
    }

    @Test
    void reopenedProjectKeepsImport() {
        Path f = write0("keep.csv", "a,b\n1,x\n");
        load(f, ImportOptions.defaults());
        project.close();
        project = Project.open(dir.resolve("p"));
        assertEquals(1, project.catalog().get("keep").rowCount());
    }

    private Path write0(String name, String text) {
        try {
            return write(dir, name, text, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
