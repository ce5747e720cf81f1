package jp.ebpm.analysis.export.xlsx;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/** Writes the cover sheet and the sources-and-notes sheet. */
final class CoverSheet {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx")
            .withZone(ZoneId.systemDefault());

    private CoverSheet() {
    }

    /** Display width in character cells: CJK and full-width characters count two. */
    static int displayWidth(String s) {
        return jp.ebpm.analysis.export.DisplayWidth.of(s);
    }

    static void write(Sheet sh, ReportInfo info, List<String[]> contents, Styles styles) {
        // the sheet-name column is as wide as its longest name, so no entry of the contents is cut or overlaps the title
        int sheetW = 16;
        int titleW = 60;
        for (String[] c : contents) {
            sheetW = Math.max(sheetW, displayWidth(c[0]) + 2);
            titleW = Math.max(titleW, displayWidth(c[1]) + 2);
        }
        ReportWriter.width(sh, 0, 4);
        ReportWriter.width(sh, 1, Math.min(sheetW, 36));
        ReportWriter.width(sh, 2, Math.min(titleW, 120));
        styles.set(sh.createRow(2).createCell(1), info.title(), Styles.Role.TITLE, "General");
        sh.getRow(2).setHeightInPoints(28);
        int r = 4;
        r = field(sh, r, "組織", info.organization(), styles);
        Row dr = sh.createRow(r++);
        styles.set(dr.createCell(1), "作成日", Styles.Role.SUBTITLE, "General");
        styles.set(dr.createCell(2), info.date().getYear() + "年" + info.date().getMonthValue() + "月" + info.date().getDayOfMonth()
                + "日 (" + info.date() + ")", Styles.Role.PLAIN, "General");
        r = field(sh, r, "作成者", info.author(), styles);
        r++;
        styles.set(sh.createRow(r++).createCell(1), "目次", Styles.Role.SUBTITLE, "General");
        for (String[] c : contents) {
            Row row = sh.createRow(r++);
            org.apache.poi.ss.usermodel.Cell name = row.createCell(1);
            styles.set(name, c[0], Styles.Role.PLAIN, "General");
            // a link to the sheet
            org.apache.poi.ss.usermodel.Hyperlink link = sh.getWorkbook().getCreationHelper()
                    .createHyperlink(org.apache.poi.common.usermodel.HyperlinkType.DOCUMENT);
            link.setAddress("'" + c[0].replace("'", "''") + "'!A1");
            name.setHyperlink(link);
            styles.set(row.createCell(2), c[1], Styles.Role.PLAIN, "General");
        }
        SheetSetup.print(sh, info.title(), -1, -1);
    }

    private static int field(Sheet sh, int r, String label, String value, Styles styles) {
        Row row = sh.createRow(r);
        styles.set(row.createCell(1), label, Styles.Role.SUBTITLE, "General");
        styles.set(row.createCell(2), value, Styles.Role.PLAIN, "General");
        return r + 1;
    }

    static void writeSources(Sheet sh, ReportInfo info, Instant generatedAt, List<String[]> provenance, Styles styles) {
        // columns as wide as their contents (within limits), so titles and source lines are not cut
        int[] w = {24, 36, 100};
        int[] max = {36, 60, 170};
        for (String[] p : provenance) {
            for (int c = 0; c < 3; c++) {
                w[c] = Math.max(w[c], Math.min(max[c], displayWidth(p[c] == null ? "" : p[c]) + 2));
            }
        }
        ReportWriter.width(sh, 0, w[0]);
        ReportWriter.width(sh, 1, w[1]);
        ReportWriter.width(sh, 2, w[2]);
        styles.set(sh.createRow(0).createCell(0), "出典・注記", Styles.Role.TITLE, "General");
        int r = 2;
        r = line(sh, r, "作成日時", TIME.format(generatedAt), styles);
        r = line(sh, r, "ソフトウェア", info.softwareVersion(), styles);
        for (String a : info.attributions()) {
            r = line(sh, r, "データの出典", a, styles);
        }
        for (String d : info.disclosureNotes()) {
            r = line(sh, r, "秘匿処理", d, styles);
        }
        r++;
        int header = r;
        Row hr = sh.createRow(r++);
        styles.set(hr.createCell(0), "シート", Styles.Role.HEADER, "General");
        styles.set(hr.createCell(1), "項目", Styles.Role.HEADER, "General");
        styles.set(hr.createCell(2), "来歴 (出典・SHA-256・条件・作成者・日時)", Styles.Role.HEADER, "General");
        for (String[] p : provenance) {
            Row row = sh.createRow(r++);
            for (int c = 0; c < 3; c++) {
                styles.set(row.createCell(c), p[c], Styles.Role.BODY, "General");
            }
        }
        sh.createFreezePane(0, header + 1);
        if (!provenance.isEmpty()) {
            sh.setAutoFilter(new CellRangeAddress(header, r - 1, 0, 2));
        }
        SheetSetup.print(sh, info.title(), header, header);
    }

    private static int line(Sheet sh, int r, String label, String value, Styles styles) {
        Row row = sh.createRow(r);
        styles.set(row.createCell(0), label, Styles.Role.SUBTITLE, "General");
        styles.set(row.createCell(1), value, Styles.Role.PLAIN, "General");
        return r + 1;
    }
}
