package jp.ebpm.workbench.app;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * File dialogs answered without a window, for tests that click the real Export, Save and Import buttons: each dialog
 * takes the next queued file (none queued: the user cancelled). The dialogs asked are recorded with their title and
 * suggested file name.
 */
public final class AnsweredFileDialogs implements FileDialogs.Chooser {

    /** One dialog that was shown. */
    public record Asked(String title, boolean save, String suggestedName, File initialFolder) {
    }

    private final Deque<Path> answers = new ArrayDeque<>();
    private final List<Asked> asked = new ArrayList<>();

    /** The file the next dialog answers. */
    public synchronized AnsweredFileDialogs answer(Path file) {
        answers.add(file);
        return this;
    }

    /** Every dialog shown so far. */
    public synchronized List<Asked> asked() {
        return List.copyOf(asked);
    }

    @Override
    public synchronized File show(FileChooser dialog, boolean save, Window owner) {
        asked.add(new Asked(dialog.getTitle(), save, dialog.getInitialFileName(), dialog.getInitialDirectory()));
        Path next = answers.poll();
        return next == null ? null : next.toFile();
    }
}
