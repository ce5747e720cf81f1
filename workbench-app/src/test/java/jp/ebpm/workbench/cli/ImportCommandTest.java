package jp.ebpm.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    @TempDir
    Path dir;

    /** Names and text that differ between Shift_JIS and CP932 or need CP932's vendor extensions. */
    private static final String CP932_TEXT = "氏名,地区,記号,カナ,値\n"
            + "髙橋,川﨑,①,ｶﾅ,1\n"
            + "山田,幸区,～,ﾃｽﾄ,2\n"
            + "佐藤,\"中原区,小杉\",№,ｱｲｳ,3\n";

    @Test
    void cp932CsvImportsAndRoundTripsThroughSql() throws Exception {
        Path f = dir.resolve("住民.csv");
        Files.write(f, CP932_TEXT.getBytes(jp.ebpm.analysis.io.TextEncoding.CP932.charset()));
        String p = dir.resolve("proj").toString();
        CliTestSupport.Result refused = CliTestSupport.run("import", "--project", p, "--file", f.toString(), "--name", "住民",
                "--sensitivity", "private");
        assertEquals(1, refused.exitCode(), "private data goes through 'location import' only");
        assertTrue(refused.err().contains("location import"), refused.err());
        CliTestSupport.Result r = CliTestSupport.run("import", "--project", p, "--file", f.toString(), "--name", "住民",
                "--sensitivity", "internal", "--license", "test data");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"住民\": 3 rows, 5 columns (encoding CP932)"), r.out());
        assertTrue(r.out().contains("  値  BIGINT"), r.out());
        CliTestSupport.Result sql = CliTestSupport.run("sql", "--project", p, "--query",
                "SELECT 氏名, 地区, 記号, カナ, 値 FROM 住民 ORDER BY 値", "--format", "csv");
        assertEquals(0, sql.exitCode(), sql.err());
        assertEquals(CP932_TEXT, sql.out());
        CliTestSupport.Result cat = CliTestSupport.run("catalog", "--project", p, "--json");
        assertTrue(cat.out().contains("\"sensitivity\" : \"internal\""), cat.out());
        assertEquals(0, Files.list(dir.resolve("proj").resolve(".tmp")).count());
    }

    @Test
    void explicitEncodingShiftJisMeansCp932() throws Exception {
        Path f = dir.resolve("a.csv");
        Files.write(f, CP932_TEXT.getBytes(jp.ebpm.analysis.io.TextEncoding.CP932.charset()));
        CliTestSupport.Result r = CliTestSupport.run("import", "--project", dir.resolve("q").toString(), "--file", f.toString(),
                "--encoding", "shift_jis");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("3 rows"), r.out());
    }

    @Test
    void previewPrintsSettingsAndRows() throws Exception {
        Path f = dir.resolve("t.tsv");
        Files.writeString(f, "表題\n\n区\t人口\n川崎区\t232000\n", StandardCharsets.UTF_8);
        CliTestSupport.Result r = CliTestSupport.run("preview", "--file", f.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("encoding:  UTF-8"), r.out());
        assertTrue(r.out().contains("delimiter: tab"), r.out());
        assertTrue(r.out().contains("rows skipped above it: 2"), r.out());
        assertTrue(r.out().contains("  人口  BIGINT"), r.out());
        assertTrue(r.out().endsWith("区,人口\n川崎区,232000\n"), r.out());
    }

    @Test
    void statisticsOptionAndTypeOverride() throws Exception {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, "地域,人口,コード\n川崎区,χ,001\n幸区,\"1,234\",002\n", StandardCharsets.UTF_8);
        CliTestSupport.Result r = CliTestSupport.run("import", "--project", dir.resolve("s").toString(), "--file", f.toString(),
                "--statistics", "--type", "コード=VARCHAR");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("  人口_flag  VARCHAR"), r.out());
        assertTrue(r.out().contains("  人口  BIGINT"), r.out());
        assertTrue(r.err().contains("note: 1 cells held statistics symbols"), r.err());
    }

    @Test
    void dataErrorsExitOneAndUsageErrorsExitTwo() throws Exception {
        Path f = dir.resolve("r.csv");
        Files.writeString(f, "a,b\n1,2\n3\n", StandardCharsets.UTF_8);
        String p = dir.resolve("e").toString();
        CliTestSupport.Result r = CliTestSupport.run("import", "--project", p, "--file", f.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("error: r.csv, line 3: This line has 1 field"), r.err());
        assertEquals(2, CliTestSupport.run("import", "--project", p).exitCode());
        assertEquals(2, CliTestSupport.run("import", "--project", p, "--file", f.toString(), "--encoding", "latin-1").exitCode());
        assertEquals(2, CliTestSupport.run("import", "--project", p, "--file", f.toString(), "--kind", "nonsense").exitCode());
        assertEquals(0, CliTestSupport.run("import", "--help").exitCode());
        assertEquals(0, CliTestSupport.run("preview", "--help").exitCode());
    }

    @Test
    void excelSheetByNameWithTitleRowAndPreview() throws Exception {
        Path f = dir.resolve("統計.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.OutputStream out = Files.newOutputStream(f)) {
            wb.createSheet("表紙").createRow(0).createCell(0).setCellValue("表紙");
            org.apache.poi.ss.usermodel.Sheet s = wb.createSheet("データ");
            s.createRow(0).createCell(0).setCellValue("区別世帯数");
            org.apache.poi.ss.usermodel.Row h = s.createRow(2);
            h.createCell(0).setCellValue("区");
            h.createCell(1).setCellValue("世帯数");
            org.apache.poi.ss.usermodel.Row r = s.createRow(3);
            r.createCell(0).setCellValue("川崎区");
            r.createCell(1).setCellValue(120000);
            wb.write(out);
        }
        CliTestSupport.Result pv = CliTestSupport.run("preview", "--file", f.toString(), "--sheet", "データ");
        assertEquals(0, pv.exitCode(), pv.err());
        assertTrue(pv.out().contains("sheets:    表紙, データ"), pv.out());
        assertTrue(pv.out().contains("rows skipped above it: 2"), pv.out());
        CliTestSupport.Result r = CliTestSupport.run("import", "--project", dir.resolve("x").toString(), "--file", f.toString(),
                "--sheet", "2", "--name", "世帯");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"世帯\": 1 rows, 2 columns"), r.out());
        assertTrue(r.out().contains("  世帯数  BIGINT"), r.out());
        CliTestSupport.Result bad = CliTestSupport.run("import", "--project", dir.resolve("x").toString(), "--file", f.toString(),
                "--sheet", "なし");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("no sheet \"なし\""), bad.err());
    }

    @Test
    void benchImportRunsOnASmallFile() {
        CliTestSupport.Result r = CliTestSupport.run("bench", "import", "--rows", "1000", "--runs", "1", "--dir", dir.resolve("b").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("median: (a)"), r.out());
    }
}
