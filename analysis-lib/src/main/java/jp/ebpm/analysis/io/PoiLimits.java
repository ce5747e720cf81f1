package jp.ebpm.analysis.io;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.util.ZipSecureFile;

import jp.ebpm.analysis.WorkbenchException;

/**
 * Apache POI's limits against hostile workbooks, set deliberately in this one place (they are global to the
 * JVM) before any workbook is opened, and the one message for a workbook that cannot be read.
 *
 * <ul>
 *   <li>Inflation ratio: a part of an .xlsx may expand to at most {@value #MAX_RATIO} times its compressed size
 *       (POI's {@code minInflateRatio} = 1/{@value #MAX_RATIO}; POI's default is the same, stated here so that a
 *       change is a decision).</li>
 *   <li>Part size: at most {@link #MAX_ENTRY_BYTES} bytes (1 GiB) inflated per part, below POI's 4 GiB default,
 *       which a sheet of a million rows stays well under.</li>
 *   <li>Text: at most {@link #MAX_TEXT_CHARS} characters in one text part (shared strings).</li>
 * </ul>
 * A workbook over a limit is refused before it fills the memory; see {@code docs/import.md}.
 */
final class PoiLimits {

    /** Largest inflation ratio of one part. */
    static final int MAX_RATIO = 100;
    /** Largest inflated size of one part. */
    static final long MAX_ENTRY_BYTES = 1L << 30;
    /** Largest text part, in characters. */
    static final long MAX_TEXT_CHARS = 256L << 20;

    static {
        ZipSecureFile.setMinInflateRatio(1.0 / MAX_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxTextSize(MAX_TEXT_CHARS);
    }

    private PoiLimits() {
    }

    /** Makes sure the limits are in force (class initialisation sets them once). */
    static void apply() {
        // the static initialiser has run when this returns
    }

    /**
     * The plain-words error for a workbook POI could not read; the technical cause stays attached for the log
     * and {@code --verbose}, never in the message.
     */
    static WorkbenchException unreadable(String fileName, Throwable e) {
        String m = String.valueOf(e.getMessage());
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            m += " " + t.getMessage();
        }
        if (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("exceeds the max") || m.contains("maximum length")
                || m.contains("Tried to allocate")) {
            return new WorkbenchException("The workbook expands to far more than its size on disk (more than " + MAX_RATIO
                    + " times, or over " + (MAX_ENTRY_BYTES >> 20) + " MiB in one part), so it was not opened: it may be a"
                    + " \"zip bomb\". If it is genuine, open it in Excel and save the sheet as CSV.", fileName, null, null, e);
        }
        if (e instanceof EncryptedDocumentException || m.toLowerCase(java.util.Locale.ROOT).contains("password")) {
            return new WorkbenchException("The workbook is protected with a password. Open it in Excel, remove the"
                    + " password and save it again.", fileName, null, null, e);
        }
        return new WorkbenchException("The Excel file cannot be read; it is damaged, incomplete (for example cut off"
                + " during download) or not really a workbook. Open it in Excel and save it again.", fileName, null, null, e);
    }
}
