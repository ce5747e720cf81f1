package jp.ebpm.analysis.export.xlsx;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/** Print setup and sheet names shared by every report sheet. */
final class SheetSetup {

    private final Set<String> names = new HashSet<>();

    /**
     * A4 landscape, fit to one page wide (any number of pages tall), header rows repeated on every page,
     * "page / pages" in the footer centre and the report title in the header.
     *
     * @param firstRepeat first header row (0-based) to repeat, or -1 for none
     * @param lastRepeat  last header row to repeat
     */
    static void print(Sheet sh, String reportTitle, int firstRepeat, int lastRepeat) {
        PrintSetup ps = sh.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(true);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sh.setFitToPage(true);
        sh.setAutobreaks(true);
        sh.setHorizontallyCenter(true);
        sh.getFooter().setCenter("&P / &N");
        sh.getFooter().setRight("&A");
        sh.getHeader().setLeft(reportTitle.replace("&", "&&"));
        if (firstRepeat >= 0) {
            sh.setRepeatingRows(new CellRangeAddress(firstRepeat, lastRepeat, -1, -1));
        }
    }

    /** A unique sheet name of at most 31 characters without the characters Excel forbids. */
    String name(String wanted) {
        String base = wanted.replaceAll("[\\\\/?*\\[\\]:]", "_").strip();
        if (base.startsWith("'")) {
            base = "_" + base.substring(1);
        }
        if (base.isEmpty()) {
            base = "Sheet";
        }
        if (base.length() > 31) {
            base = base.substring(0, 31);
        }
        String n = base;
        for (int i = 2; names.contains(n.toLowerCase(Locale.ROOT)); i++) {
            String suffix = " (" + i + ")";
            n = (base.length() + suffix.length() > 31 ? base.substring(0, 31 - suffix.length()) : base) + suffix;
        }
        names.add(n.toLowerCase(Locale.ROOT));
        return n;
    }
}
