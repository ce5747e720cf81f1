package jp.ebpm.analysis.export.xlsx;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FontCharset;
import org.apache.poi.ss.usermodel.FontFamily;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

import jp.ebpm.analysis.io.CsvWriter;

/**
 * Cell styles of a report workbook, created once per (role, number format, quote prefix) and shared: an
 * .xlsx file allows at most 64,000 styles. Also writes values with the formula-injection guard.
 */
final class Styles {

    /** What a cell is for. */
    enum Role { TITLE, SUBTITLE, HEADER, BODY, NOTE, PLAIN }

    private record Key(Role role, String pattern, boolean quote) {
    }

    private final Workbook wb;
    private final Map<Key, XSSFCellStyle> cache = new HashMap<>();
    private final XSSFFont bold;
    private final XSSFFont title;
    private final XSSFFont note;

    Styles(Workbook wb, String fontName) {
        this.wb = wb;
        XSSFFont base = (XSSFFont) wb.getFontAt(0);
        japanese(base, fontName);
        base.setFontHeightInPoints((short) 10);
        bold = font(fontName, 10, true, null);
        title = font(fontName, 16, true, null);
        note = font(fontName, 9, false, "595959");
    }

    private XSSFFont font(String name, int points, boolean isBold, String rgb) {
        XSSFFont f = (XSSFFont) wb.createFont();
        japanese(f, name);
        f.setFontHeightInPoints((short) points);
        f.setBold(isBold);
        if (rgb != null) {
            f.setColor(color(rgb));
        }
        return f;
    }

    /**
     * Names the font and marks it as a Japanese (Shift_JIS charset) sans-serif font, so that Excel substitutes
     * MS PGothic and LibreOffice a CJK gothic (IPAexGothic, Noto Sans CJK JP) when the named one is missing.
     */
    private static void japanese(XSSFFont f, String name) {
        f.setFontName(name);
        f.setFamily(FontFamily.SWISS);
        f.setCharSet(FontCharset.SHIFTJIS);
    }

    static XSSFColor color(String rgb) {
        return new XSSFColor(HexFormat.of().parseHex(rgb), null);
    }

    XSSFCellStyle style(Role role, String pattern, boolean quote) {
        return cache.computeIfAbsent(new Key(role, pattern, quote), this::create);
    }

    private XSSFCellStyle create(Key k) {
        XSSFCellStyle s = (XSSFCellStyle) wb.createCellStyle();
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        if (k.pattern != null && !"General".equals(k.pattern)) {
            s.setDataFormat(wb.createDataFormat().getFormat(k.pattern));
        }
        s.setQuotePrefixed(k.quote);
        switch (k.role) {
            case TITLE -> s.setFont(title);
            case SUBTITLE -> s.setFont(bold);
            case HEADER -> {
                s.setFont(bold);
                s.setFillForegroundColor(color("D9E1F2"));
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                s.setAlignment(HorizontalAlignment.CENTER);
                s.setWrapText(true);
                border(s);
            }
            case BODY -> border(s);
            case NOTE -> s.setFont(note);
            case PLAIN -> {
                // the workbook's default font
            }
            default -> throw new IllegalStateException(k.role.toString());
        }
        return s;
    }

    private static void border(XSSFCellStyle s) {
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        XSSFColor grey = color("A6A6A6");
        s.setTopBorderColor(grey);
        s.setBottomBorderColor(grey);
        s.setLeftBorderColor(grey);
        s.setRightBorderColor(grey);
    }

    /**
     * Writes a value. Text is always a string cell, never a formula; text that starts with {@code = + - @},
     * tab or carriage return also gets the quote-prefix style (Excel's leading apostrophe), so that editing
     * the cell in Excel keeps it text. The visible value is unchanged.
     */
    void set(Cell cell, Object value, Role role, String pattern) {
        if (value == null) {
            cell.setBlank();
            cell.setCellStyle(style(role, pattern, false));
        } else if (value instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isFinite(d)) {
                cell.setCellValue(d);
            } else {
                cell.setBlank();
            }
            cell.setCellStyle(style(role, pattern, false));
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
            cell.setCellStyle(style(role, pattern, false));
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(style(role, "yyyy/mm/dd", false));
        } else if (value instanceof LocalDateTime d) {
            cell.setCellValue(d);
            cell.setCellStyle(style(role, "yyyy/mm/dd hh:mm:ss", false));
        } else {
            String s = value.toString();
            if (s.length() > 32_767) {
                s = s.substring(0, 32_767);
            }
            cell.setCellValue(s);
            cell.setCellStyle(style(role, "General".equals(pattern) ? pattern : "@", CsvWriter.isFormulaLike(s)));
        }
    }
}
