package jp.ebpm.analysis.export.xlsx;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Opens a workbook the workbench wrote, for tests that check what the reader API does not expose (styles,
 * charts, drawings). Data files are read through jp.ebpm.analysis.io.SheetGrid; this is for checking exports.
 */
public final class TestWorkbooks {

    private TestWorkbooks() {
    }

    /** Opens an exported workbook read-only (the caller closes it). */
    public static Workbook open(Path file) throws IOException {
        return WorkbookFactory.create(file.toFile(), null, true);
    }
}
