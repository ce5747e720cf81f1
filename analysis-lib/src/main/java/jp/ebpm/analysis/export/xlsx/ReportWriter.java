package jp.ebpm.analysis.export.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Writes print-ready Excel reports (.xlsx), shared by the KPI, cross-tab and map outputs. A report has a cover
 * sheet (title, organization, date, author, contents), any number of item sheets — tables
 * ({@link #addTable}), native line charts ({@link #addCharts}), map images ({@link #addMap}) and large streamed
 * tables ({@link #addLargeTable}) — and a closing sources-and-notes sheet (attributions, disclosure-control
 * notes, generation time, software version and the provenance of every item).
 *
 * <p>Every sheet is A4 landscape, fit to one page wide, with page numbers in the footer; tables repeat their
 * header rows on each page and have frozen panes and an autofilter. Text is never written as a formula; text
 * starting with {@code = + - @}, tab or CR also gets Excel's quote prefix. Rows are streamed (SXSSF) so that
 * large tables need little memory. Usage:
 * <pre>{@code
 * try (ReportWriter w = new ReportWriter(info)) {
 *     w.addTable(table);
 *     w.addCharts("グラフ", charts);
 *     w.write(Path.of("report.xlsx"));
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class ReportWriter implements AutoCloseable {

    /** The default font: Yu Gothic (Windows 8.1+, Office); see docs/reports.md for the fallbacks. */
    public static final String DEFAULT_FONT = "Yu Gothic";
    /** Excel's last row index + 1. */
    static final int MAX_ROWS = 1_048_576;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportWriter.class);

    private final ReportInfo info;
    private final SXSSFWorkbook wb;
    private final Styles styles;
    private final SheetSetup names = new SheetSetup();
    private final List<String[]> contents = new ArrayList<>();
    private final List<ItemProvenance> provenance = new ArrayList<>();
    private final SXSSFSheet cover;
    private final Instant generatedAt = Instant.now();
    private boolean written;

    private record ItemProvenance(String sheet, String title, Provenance provenance) {
    }

    /** A writer for a report (creates the cover sheet). */
    public ReportWriter(ReportInfo info) {
        this.info = info;
        this.wb = new FastZipWorkbook(200);
        wb.setCompressTempFiles(false);
        this.styles = new Styles(wb, info.fontName());
        this.cover = wb.createSheet(names.name("表紙"));
    }

    /** The report's description. */
    public ReportInfo info() {
        return info;
    }

    /**
     * Adds a table sheet: title, header rows (repeated when printed, frozen, with an autofilter on the last
     * header row), body, notes and provenance. Highlights and colour scales become conditional formatting.
     *
     * @return the sheet name
     */
    public String addTable(ReportTable table) {
        return addTable(table, table.title());
    }

    /**
     * Adds a table sheet under a short sheet name (e.g. "表1 性別=男性") when its title (a question text) is too long
     * to name a sheet; the title stays on the sheet and in the table of contents.
     *
     * @return the sheet name
     */
    public String addTable(ReportTable table, String sheetName) {
        SXSSFSheet sh = wb.createSheet(names.name(sheetName));
        TableSheet.write(sh, table, styles, info.title());
        record(sh.getSheetName(), table.title(), table.provenance());
        return sh.getSheetName();
    }

    /**
     * Adds a sheet with native, editable line charts, one block per chart: the chart's data as a small table
     * and the chart beside it referring to those cells.
     *
     * @return the sheet name
     */
    public String addCharts(String sheetTitle, List<LineChartSpec> charts) {
        SXSSFSheet sh = wb.createSheet(names.name(sheetTitle));
        XSSFSheet xs = wb.getXSSFWorkbook().getSheet(sh.getSheetName());
        ChartSheet.write(sh, xs, charts, styles, info.title());
        for (LineChartSpec c : charts) {
            record(sh.getSheetName(), c.title(), c.provenance());
        }
        return sh.getSheetName();
    }

    /**
     * Adds a map sheet: title, the PNG image scaled to fit an A4 landscape page, notes and provenance.
     *
     * @throws WorkbenchException when the bytes are not a PNG image
     * @return the sheet name
     */
    public String addMap(String title, byte[] png, List<String> notes, Provenance prov) {
        return addImage(title, title, png, notes, prov);
    }

    /**
     * Adds a picture sheet (a map or a chart) under a short sheet name: the title, the PNG image scaled to fit an A4
     * landscape page, notes and provenance.
     *
     * @throws WorkbenchException when the bytes are not a PNG image
     * @return the sheet name
     * @since 0.4
     */
    public String addImage(String sheetName, String title, byte[] png, List<String> notes, Provenance prov) {
        int[] size = pngSize(png);
        SXSSFSheet sh = wb.createSheet(names.name(sheetName));
        styles.set(sh.createRow(0).createCell(0), title, Styles.Role.TITLE, "General");
        // at the default width a column is ~64 px and a row 20 px; fit into 14 columns x 22 rows, so that
        // title, map, notes and provenance print on one A4 landscape page
        double scale = Math.min(14 * 64.0 / size[0], 22 * 20.0 / size[1]);
        int cols = Math.max(1, (int) Math.round(size[0] * scale / 64.0));
        int rows = Math.max(1, (int) Math.round(size[1] * scale / 20.0));
        int idx = wb.addPicture(png, Workbook.PICTURE_TYPE_PNG);
        ClientAnchor a = wb.getCreationHelper().createClientAnchor();
        a.setCol1(0);
        a.setRow1(2);
        a.setCol2(cols);
        a.setRow2(2 + rows);
        a.setAnchorType(ClientAnchor.AnchorType.MOVE_AND_RESIZE);
        sh.createDrawingPatriarch().createPicture(a, idx);
        int r = 3 + rows;
        for (String n : notes == null ? List.<String>of() : notes) {
            styles.set(sh.createRow(r++).createCell(0), n, Styles.Role.NOTE, "General");
        }
        r = TableSheet.writeProvenance(sh, r + 1, prov, styles);
        SheetSetup.print(sh, info.title(), -1, -1);
        record(sh.getSheetName(), title, prov);
        return sh.getSheetName();
    }

    /**
     * Streams a large table to a sheet (continued on further sheets beyond Excel's 1,048,576 rows): a header
     * row (frozen, repeated, autofilter) and the rows, each an array of values as wide as the header
     * ({@link String}, {@link Number}, {@link Boolean}, {@link java.time.LocalDate}, {@code null}).
     *
     * @param formats number format per column ({@code null} or shorter list: General)
     * @throws jp.ebpm.analysis.task.CancelledException when cancelled (nothing is written then)
     * @return the number of rows written
     */
    public long addLargeTable(String title, List<String> header, List<CellFormat> formats, Iterator<Object[]> rows,
                              Provenance prov, ProgressListener progress, Cancellation cancel) {
        return LargeTableSheet.write(wb, names, styles, info.title(), title, header, formats, rows, progress, cancel,
                sheet -> record(sheet, title, prov));
    }

    private void record(String sheet, String title, Provenance p) {
        contents.add(new String[] {sheet, title});
        if (p != null) {
            provenance.add(new ItemProvenance(sheet, title, p));
        }
    }

    /**
     * Fills the cover and sources sheets and writes the workbook. The file is written to a temporary file next
     * to {@code out} and then moved over it, so a failed write leaves no partial report.
     *
     * @throws WorkbenchException when the file cannot be written
     */
    public void write(Path out) {
        if (written) {
            throw new IllegalStateException("The report was already written.");
        }
        written = true;
        CoverSheet.write(cover, info, contents, styles);
        SXSSFSheet src = wb.createSheet(names.name("出典・注記"));
        // items of one sheet with the same provenance (e.g. one chart per KPI) are listed once
        java.util.Map<List<Object>, List<String>> grouped = new java.util.LinkedHashMap<>();
        for (ItemProvenance ip : provenance) {
            grouped.computeIfAbsent(List.of(ip.sheet(), ip.provenance()), k -> new ArrayList<>()).add(ip.title());
        }
        List<String[]> prov = new ArrayList<>();
        for (var e : grouped.entrySet()) {
            String sheet = (String) e.getKey().get(0);
            List<String> titles = e.getValue();
            String title = titles.get(0) + (titles.size() > 1 ? " ほか" + (titles.size() - 1) + "件" : "");
            for (String line : ((Provenance) e.getKey().get(1)).lines()) {
                prov.add(new String[] {sheet, title, line});
            }
        }
        CoverSheet.writeSources(src, info, generatedAt, prov, styles);
        Path abs = out.toAbsolutePath();
        Path tmp = null;
        try {
            Path dir = abs.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            tmp = jp.ebpm.analysis.export.OutputFiles.temporarySibling(abs);
            try (OutputStream os = Files.newOutputStream(tmp)) {
                wb.write(os);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new WorkbenchException("The folder of the report does not exist.", out.getFileName().toString(), null, null, e);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot write the report " + out.getFileName() + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // the temporary file stays behind; nothing else to do
                }
            }
        }
    }

    /** Deletes the streaming temporary files. */
    @Override
    public void close() {
        try {
            if (!written) {
                // SXSSF's close() without a prior write() fails to flush the sheets' temp writers and logs a
                // stack trace per sheet; writing to nowhere first takes the normal path.
                wb.write(OutputStream.nullOutputStream());
            }
            wb.close();
        } catch (IOException e) {
            // close() after a failed addXxx can find the sheet's stream already closed; the temporary files
            // are deleted either way, and the original error is what the caller needs to see.
            LOG.debug("Closing the report workbook: {}", e.getMessage());
        }
    }

    /** Width and height of a PNG image from its IHDR chunk. */
    static int[] pngSize(byte[] png) {
        if (png == null || png.length < 24 || (png[0] & 0xff) != 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
            throw new WorkbenchException("The map image is not a PNG file.");
        }
        int w = ((png[16] & 0xff) << 24) | ((png[17] & 0xff) << 16) | ((png[18] & 0xff) << 8) | (png[19] & 0xff);
        int h = ((png[20] & 0xff) << 24) | ((png[21] & 0xff) << 16) | ((png[22] & 0xff) << 8) | (png[23] & 0xff);
        if (w <= 0 || h <= 0) {
            throw new WorkbenchException("The map image has no size.");
        }
        return new int[] {w, h};
    }

    /** Sets the width of column {@code c} in characters. */
    static void width(Sheet sh, int c, int chars) {
        sh.setColumnWidth(c, Math.min(255, Math.max(4, chars)) * 256);
    }

    /** A row, created if needed. */
    static Row row(Sheet sh, int r) {
        Row row = sh.getRow(r);
        return row == null ? sh.createRow(r) : row;
    }
}
