package jp.ebpm.analysis.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import jp.ebpm.analysis.WorkbenchException;

/**
 * The kinds of file the importer reads, recognised by their first bytes and checked against the file name's
 * extension so that a file that is not what its name says is refused with a clear message.
 */
enum SourceFormat {
    /** Delimited text: CSV, TSV, TXT. */
    TEXT("csv"),
    /** Excel 2007+ workbook (ZIP container). */
    XLSX("xlsx"),
    /** Legacy Excel 97-2003 workbook (OLE2 container). */
    XLS("xls"),
    /** Apache Parquet. */
    PARQUET("parquet");

    private final String id;

    SourceFormat(String id) {
        this.id = id;
    }

    /** The word shown in previews and stored in the catalog's properties. */
    String id() {
        return id;
    }

    static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Recognises a file.
     *
     * @throws WorkbenchException when the file is missing, empty, of an unsupported kind, or not what its
     *                            extension says
     */
    static SourceFormat detect(Path file) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new WorkbenchException("The file does not exist or is a folder.", name, null, null, null);
        }
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new WorkbenchException("The file cannot be read: " + e.getMessage(), name, null, null, e);
        }
        if (n == 0) {
            throw new WorkbenchException("The file is empty (0 bytes); there is nothing to import.", name, null, null, null);
        }
        String ext = extension(file);
        String content = contentKind(head, n);
        // New formats (e.g. .geojson, zipped shapefiles): add an enum constant, its extensions here, its
        // content check below, and its importer in the switch of Importer.importFile/preview.
        SourceFormat byExt = switch (ext) {
            case "xlsx", "xlsm" -> XLSX;
            case "xls" -> XLS;
            case "parquet", "pq" -> PARQUET;
            case "csv", "tsv", "txt", "tab", "" -> TEXT;
            default -> null;
        };
        if (byExt == null) {
            throw new WorkbenchException("Files of type ." + ext + " cannot be imported here. Supported: .csv, .tsv, .txt,"
                    + " .xlsx, .xls, .parquet.", name, null, null, null);
        }
        boolean matches = switch (byExt) {
            case XLSX -> content.equals("zip");
            case XLS -> content.equals("ole2");
            case PARQUET -> content.equals("parquet");
            case TEXT -> content.equals("text");
        };
        if (!matches) {
            throw new WorkbenchException("The file's name says " + describeExt(byExt) + ", but its content is "
                    + describeContent(content) + ". Rename it to its real type or export it again.", name, null, null, null);
        }
        return byExt;
    }

    private static String contentKind(byte[] h, int n) {
        if (n >= 4 && h[0] == '%' && h[1] == 'P' && h[2] == 'D' && h[3] == 'F') {
            return "pdf";
        }
        if (n >= 4 && h[0] == 'P' && h[1] == 'K' && (h[2] == 3 || h[2] == 5 || h[2] == 7)) {
            return "zip";
        }
        if (n >= 8 && (h[0] & 0xFF) == 0xD0 && (h[1] & 0xFF) == 0xCF && (h[2] & 0xFF) == 0x11 && (h[3] & 0xFF) == 0xE0) {
            return "ole2";
        }
        if (n >= 4 && h[0] == 'P' && h[1] == 'A' && h[2] == 'R' && h[3] == '1') {
            return "parquet";
        }
        if ((n >= 2 && (h[0] & 0xFF) == 0x1F && (h[1] & 0xFF) == 0x8B)) {
            return "gzip";
        }
        if (n >= 2 && TextEncoding.utf16Bom(java.util.Arrays.copyOf(h, n)) != null) {
            return "text";
        }
        if (n >= 4 && ((h[1] == 0 && h[3] == 0 && h[0] != 0 && h[2] != 0) || (h[0] == 0 && h[2] == 0 && h[1] != 0 && h[3] != 0))) {
            return "utf16";
        }
        for (int i = 0; i < n; i++) {
            if (h[i] == 0) {
                return "binary";
            }
        }
        return "text";
    }

    private static String describeExt(SourceFormat f) {
        return switch (f) {
            case XLSX -> "an Excel workbook (.xlsx)";
            case XLS -> "a legacy Excel workbook (.xls)";
            case PARQUET -> "a Parquet file";
            case TEXT -> "a text (CSV) file";
        };
    }

    private static String describeContent(String kind) {
        return switch (kind) {
            case "pdf" -> "a PDF document";
            case "zip" -> "a ZIP archive (for example an .xlsx workbook or a compressed folder)";
            case "ole2" -> "a legacy Office document (for example an .xls workbook)";
            case "parquet" -> "a Parquet file";
            case "gzip" -> "a gzip-compressed file";
            case "binary" -> "binary data, not text";
            case "utf16" -> "UTF-16 text without a byte-order mark (save it as UTF-8, or as UTF-16 with a byte-order mark)";
            default -> "plain text (for example CSV)";
        };
    }
}
