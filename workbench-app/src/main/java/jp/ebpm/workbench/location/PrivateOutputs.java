package jp.ebpm.workbench.location;

import java.io.IOException;
import java.nio.file.Path;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.export.OutputFiles;

/** Files derived from private location data are readable by their owner only (the status line says so). */
final class PrivateOutputs {

    private PrivateOutputs() {
    }

    static void restrict(Path file) {
        try {
            OutputFiles.restrictToOwner(file);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot restrict the permissions of " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
