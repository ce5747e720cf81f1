package jp.ebpm.workbench.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javafx.stage.FileChooser;

import jp.ebpm.analysis.store.Project;

/**
 * Open and save dialogs of every tab: they start in {@link AppContext#dialogFolder()} (the folder last used, else
 * the project's {@code exports/} folder) with a suggested file name, and remember the folder chosen.
 */
public final class FileDialogs {

    /**
     * Shows a file dialog and returns the chosen file (null when cancelled). The window uses the system's dialog
     * ({@link #SYSTEM}); tests give the main window one that answers without a window, so that they click the real
     * Export, Save and Import buttons.
     */
    @FunctionalInterface
    public interface Chooser {
        File show(FileChooser dialog, boolean save, javafx.stage.Window owner);
    }

    /** The system's open and save dialogs. */
    public static final Chooser SYSTEM = (dialog, save, owner) -> save ? dialog.showSaveDialog(owner) : dialog.showOpenDialog(owner);

    /** The project's folder for exported files. */
    public static final String EXPORTS = "exports";

    private FileDialogs() {
    }

    /** The default folder of dialogs: the project's exports/ folder (created), else the home folder. */
    public static Path defaultFolder(Project project) {
        if (project != null) {
            Path exports = project.directory().resolve(EXPORTS);
            try {
                Files.createDirectories(exports);
                return exports;
            } catch (IOException e) {
                return project.directory();
            }
        }
        return Path.of(System.getProperty("user.home", "."));
    }

    /**
     * Asks where to save.
     *
     * @param title the dialog title
     * @param initialName suggested file name
     * @param filters file types, the first is preselected
     */
    public static Optional<Path> save(AppContext context, String title, String initialName, FileChooser.ExtensionFilter... filters) {
        return save(context, context.owner(), title, initialName, filters);
    }

    /** Asks where to save, over a given window (a dialog of its own, such as the codebook editor). */
    public static Optional<Path> save(AppContext context, javafx.stage.Window owner, String title, String initialName,
                                      FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = chooser(context, title, filters);
        chooser.setInitialFileName(initialName);
        return remember(context, context.fileChooser().show(chooser, true, owner));
    }

    /** Asks for a file to open. */
    public static Optional<Path> open(AppContext context, String title, FileChooser.ExtensionFilter... filters) {
        return open(context, context.owner(), title, filters);
    }

    /** Asks for a file to open, over a given window. */
    public static Optional<Path> open(AppContext context, javafx.stage.Window owner, String title,
                                      FileChooser.ExtensionFilter... filters) {
        return remember(context, context.fileChooser().show(chooser(context, title, filters), false, owner));
    }

    private static FileChooser chooser(AppContext context, String title, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(filters);
        Path folder = context.dialogFolder();
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }

    private static Optional<Path> remember(AppContext context, File f) {
        if (f == null) {
            return Optional.empty();
        }
        context.rememberDialogFolder(f.toPath());
        return Optional.of(f.toPath());
    }
}
