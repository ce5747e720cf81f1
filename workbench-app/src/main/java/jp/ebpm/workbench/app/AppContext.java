package jp.ebpm.workbench.app;

import java.util.ResourceBundle;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.stage.Window;

import jp.ebpm.analysis.store.Project;

/**
 * What the main window offers to every feature view (survey, map, KPI, location data): the open project,
 * background tasks with progress and cancel, localized text, and navigation. Passed by constructor; there
 * is no global instance.
 */
public interface AppContext {

    /** The open project; its value is {@code null} while none is open. */
    ReadOnlyObjectProperty<Project> project();

    /** Runs long work off the FX thread with progress and cancel in the status bar. */
    TaskRunner tasks();

    /**
     * The resource bundle of a feature, e.g. {@code "main"}, {@code "survey"}, {@code "map"}, {@code "kpi"},
     * {@code "location"}: {@code jp/ebpm/workbench/i18n/<feature>.properties} and its {@code _ja} variant.
     */
    ResourceBundle bundle(String feature);

    /** The main window, as owner of dialogs. */
    Window owner();

    /** Reloads the catalog tree (after a feature created a dataset). */
    void refreshCatalog();

    /**
     * Counts the catalog reloads of this window ({@link #refreshCatalog}: an import, a derived dataset, a stored
     * register): views that list datasets (the Cross-tab tab's surveys, the Map tab's layers) listen to it, so a dataset
     * imported in one place is offered in every tab without reopening the project. Simple contexts never change it.
     */
    default javafx.beans.property.ReadOnlyLongProperty catalogRevision() {
        return new javafx.beans.property.SimpleLongProperty();
    }

    /** Selects a dataset in the catalog and shows it in the data view. */
    void showDataset(String name);

    /** Shows an error to the user in plain words (no stack trace). */
    void showError(String title, Throwable error);

    /** Shows a short success notice (e.g. "wrote crosstab.xlsx") in the status bar; no dialog. */
    default void showInfo(String title, String message) {
        // simple contexts show nothing
    }

    /** The organisation written on report covers (from the settings; empty when not set). */
    default String organization() {
        return "";
    }

    /** The author written on report covers and provenance lines (from the settings, else the login name). */
    default String author() {
        return System.getProperty("user.name", "");
    }

    /**
     * Where save and open dialogs start: the folder last used in this session, else the open project's
     * {@code exports/} folder (created when needed), else the user's home folder; never the working directory.
     */
    default java.nio.file.Path dialogFolder() {
        return FileDialogs.defaultFolder(project().get());
    }

    /** How open and save dialogs are shown ({@link FileDialogs#SYSTEM}: the system's dialogs). */
    default FileDialogs.Chooser fileChooser() {
        return FileDialogs.SYSTEM;
    }

    /** Remembers the folder of a file the user chose in a dialog, for the next dialog. */
    default void rememberDialogFolder(java.nio.file.Path chosenFile) {
        // the test context and other simple contexts do not remember
    }
}
