package jp.ebpm.analysis.export.xlsx;

import java.util.List;

import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFColorScaleFormatting;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;
import org.apache.poi.xssf.usermodel.XSSFSheetConditionalFormatting;

/** Writes a {@link ReportTable} to a sheet. Layout: title in row 1, header rows from row 3, then the body. */
final class TableSheet {

    static final int HEADER_ROW = 2;

    private TableSheet() {
    }

    static void write(Sheet sh, ReportTable t, Styles styles, String reportTitle) {
        styles.set(sh.createRow(0).createCell(0), t.title(), Styles.Role.TITLE, "General");
        int cols = t.columnCount();
        int[] widths = new int[cols];
        int r = HEADER_ROW;
        for (List<String> h : t.headerRows()) {
            Row row = sh.createRow(r++);
            for (int c = 0; c < cols; c++) {
                String v = c < h.size() ? h.get(c) : null;
                styles.set(row.createCell(c), v, Styles.Role.HEADER, "General");
                widths[c] = Math.max(widths[c], displayWidth(v) + 2);
            }
        }
        int lastHeader = r - 1;
        int firstBody = r;
        for (List<TableCell> cells : t.rows()) {
            Row row = sh.createRow(r++);
            for (int c = 0; c < cols; c++) {
                TableCell tc = c < cells.size() ? cells.get(c) : TableCell.empty();
                String pattern = tc.format().withMarker(tc.marker()).pattern();
                styles.set(row.createCell(c), tc.value(), Styles.Role.BODY, pattern);
                widths[c] = Math.max(widths[c], estimate(tc) + 2);
            }
        }
        int lastBody = r - 1;
        for (int c = 0; c < cols; c++) {
            int w = c < t.columnWidths().size() ? t.columnWidths().get(c) : Math.min(50, Math.max(8, widths[c]));
            ReportWriter.width(sh, c, w);
        }
        if (cols > 0) {
            sh.createFreezePane(0, lastHeader + 1);
            if (lastBody >= firstBody) {
                sh.setAutoFilter(new CellRangeAddress(lastHeader, lastBody, 0, cols - 1));
                conditional(sh, t, firstBody, lastBody);
            }
        }
        r++;
        for (String n : t.notes()) {
            styles.set(sh.createRow(r++).createCell(0), n, Styles.Role.NOTE, "General");
        }
        writeProvenance(sh, r + (t.notes().isEmpty() ? 0 : 1), t.provenance(), styles);
        SheetSetup.print(sh, reportTitle, HEADER_ROW, lastHeader);
    }

    private static void conditional(Sheet sh, ReportTable t, int first, int last) {
        SheetConditionalFormatting scf = sh.getSheetConditionalFormatting();
        for (Highlight h : t.highlights()) {
            ConditionalFormattingRule rule = scf.createConditionalFormattingRule(ComparisonOperator.EQUAL,
                    "\"" + h.text().replace("\"", "\"\"") + "\"");
            if (h.fillRgb() != null) {
                var pf = rule.createPatternFormatting();
                pf.setFillBackgroundColor(Styles.color(h.fillRgb()));
                pf.setFillPattern(org.apache.poi.ss.usermodel.PatternFormatting.SOLID_FOREGROUND);
            }
            if (h.fontRgb() != null) {
                rule.createFontFormatting().setFontColor(Styles.color(h.fontRgb()));
            }
            scf.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(first, last, h.column(), h.column())}, rule);
        }
        for (ColorScale cs : t.colorScales()) {
            XSSFConditionalFormattingRule rule = ((XSSFSheetConditionalFormatting) scf).createConditionalFormattingColorScaleRule();
            XSSFColorScaleFormatting f = rule.getColorScaleFormatting();
            // explicit thresholds and colours: an empty scale is painted black by LibreOffice (tech-probe §5)
            ConditionalFormattingThreshold[] th = f.getThresholds();
            double[] v = {cs.low(), cs.mid(), cs.high()};
            for (int i = 0; i < th.length && i < 3; i++) {
                th[i].setRangeType(ConditionalFormattingThreshold.RangeType.NUMBER);
                th[i].setValue(v[i]);
            }
            f.setThresholds(th);
            f.setColors(new XSSFColor[] {Styles.color(cs.lowRgb()), Styles.color(cs.midRgb()), Styles.color(cs.highRgb())});
            scf.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(first, last, cs.column(), cs.column())}, rule);
        }
    }

    /** Writes provenance lines from row {@code r}; returns the next free row. */
    static int writeProvenance(Sheet sh, int r, Provenance p, Styles styles) {
        if (p == null) {
            return r;
        }
        for (String line : p.lines()) {
            styles.set(sh.createRow(r++).createCell(0), line, Styles.Role.NOTE, "General");
        }
        return r;
    }

    /** Display width in character cells: East Asian characters count two. */
    static int displayWidth(String s) {
        if (s == null) {
            return 0;
        }
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) >= 0x2E80 ? 2 : 1;
        }
        return w;
    }

    private static int estimate(TableCell tc) {
        Object v = tc.value();
        if (v instanceof Number n) {
            double d = Math.abs(n.doubleValue());
            int digits = d < 1 ? 1 : (int) Math.floor(Math.log10(d)) + 1;
            return digits + digits / 3 + 4 + displayWidth(tc.marker()) + (tc.format().pattern().contains("\"") ? 4 : 0);
        }
        return v == null ? 0 : Math.min(60, displayWidth(v.toString()));
    }
}
