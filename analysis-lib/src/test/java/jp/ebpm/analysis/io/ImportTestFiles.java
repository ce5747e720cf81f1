package jp.ebpm.analysis.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.DatasetInfo;

/** Writes the test fixtures (generated here, so their content is exactly known) and snapshots projects. */
final class ImportTestFiles {

    static final Charset CP932 = jp.ebpm.analysis.io.TextEncoding.CP932.charset();

    private ImportTestFiles() {
    }

    static Path write(Path dir, String name, String text, Charset cs) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, text.getBytes(cs));
        return f;
    }

    /**
     * A government-style sheet: title in A1, a blank row, a header row with a merged parent cell over two
     * child headers, then data with numbers, a date and a formula.
     */
    static Path workbook(Path dir, String name, boolean xls) throws IOException {
        Path f = dir.resolve(name);
        try (Workbook wb = xls ? new HSSFWorkbook() : new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            Sheet s = wb.createSheet("人口");
            wb.createSheet("Sheet2").createRow(0).createCell(0).setCellValue("other");
            s.createRow(0).createCell(0).setCellValue("川崎市の区別人口（令和2年）");
            Row h1 = s.createRow(2);
            h1.createCell(0).setCellValue("区");
            h1.createCell(1).setCellValue("人口");
            h1.createCell(3).setCellValue("調査日");
            h1.createCell(4).setCellValue("比率");
            Row h2 = s.createRow(3);
            h2.createCell(1).setCellValue("男");
            h2.createCell(2).setCellValue("女");
            s.addMergedRegion(new CellRangeAddress(2, 2, 1, 2));
            s.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
            s.addMergedRegion(new CellRangeAddress(2, 3, 3, 3));
            s.addMergedRegion(new CellRangeAddress(2, 3, 4, 4));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Object[][] data = {{"川崎区", 117000, 115000}, {"幸区", 85000, 86000}, {"中原区", 132000, 128000}};
            for (int i = 0; i < data.length; i++) {
                Row r = s.createRow(4 + i);
                r.createCell(0).setCellValue((String) data[i][0]);
                r.createCell(1).setCellValue((Integer) data[i][1]);
                r.createCell(2).setCellValue((Integer) data[i][2]);
                r.createCell(3).setCellValue(LocalDate.of(2020, 10, 1));
                r.getCell(3).setCellStyle(date);
                r.createCell(4).setCellFormula("B" + (5 + i) + "/C" + (5 + i));
            }
            s.createRow(8).createCell(0).setCellValue("資料：国勢調査");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
        }
        return f;
    }

    /** Names of all tables in the database and of all catalog entries: what an import may change. */
    static Map<String, Object> snapshot(Project p) {
        TreeSet<String> tables = new TreeSet<>();
        // internal tables are not readable by user SQL (Project.query): list them over JDBC
        try (java.sql.Connection c = p.connect(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        List<String> catalog = p.catalog().list().stream().map(DatasetInfo::name).sorted().toList();
        return Map.of("tables", tables, "catalog", catalog);
    }

    static boolean tmpEmpty(Project p) throws IOException {
        Path tmp = p.directory().resolve(".tmp");
        if (!Files.isDirectory(tmp)) {
            return true;
        }
        try (var s = Files.list(tmp)) {
            return s.findAny().isEmpty();
        }
    }
}
