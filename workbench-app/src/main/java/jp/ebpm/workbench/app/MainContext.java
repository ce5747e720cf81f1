package jp.ebpm.workbench.app;

import java.util.ResourceBundle;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Alert;
import javafx.stage.Window;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.ebpm.analysis.store.Project;

/** The {@link AppContext} of a main window. Navigation is wired by {@link MainWindow} once views exist. */
final class MainContext implements AppContext {

    private static final Logger LOG = LoggerFactory.getLogger(MainContext.class);

    private final Window owner;
    private final ProjectSession session;
    private final Bundles bundles;
    private final Theme theme;
    private TaskRunner tasks;
    private Runnable refresh = () -> { };
    private final javafx.beans.property.SimpleLongProperty revision = new javafx.beans.property.SimpleLongProperty();
    private Consumer<String> show = name -> { };
    private java.util.function.Supplier<jp.ebpm.workbench.app.settings.WorkbenchSettings> settings =
            jp.ebpm.workbench.app.settings.WorkbenchSettings::defaults;
    private java.nio.file.Path lastFolder;

    private final FileDialogs.Chooser fileChooser;

    MainContext(Window owner, ProjectSession session, Bundles bundles, Theme theme, FileDialogs.Chooser fileChooser) {
        this.owner = owner;
        this.session = session;
        this.bundles = bundles;
        this.theme = theme;
        this.fileChooser = fileChooser;
    }

    @Override
    public FileDialogs.Chooser fileChooser() {
        return fileChooser;
    }

    private Consumer<String> notice = s -> { };

    /** Where success notices go (the status bar). */
    void useNotices(Consumer<String> sink) {
        this.notice = sink;
    }

    @Override
    public void showInfo(String title, String message) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> showInfo(title, message));
            return;
        }
        notice.accept(title + ": " + message);
    }

    /** Where the cover fields (organisation, author) come from. */
    void useSettings(java.util.function.Supplier<jp.ebpm.workbench.app.settings.WorkbenchSettings> source) {
        this.settings = source;
    }

    @Override
    public String organization() {
        return settings.get().organization();
    }

    @Override
    public String author() {
        String a = settings.get().author();
        return a.isBlank() ? System.getProperty("user.name", "") : a;
    }

    @Override
    public java.nio.file.Path dialogFolder() {
        if (lastFolder != null && java.nio.file.Files.isDirectory(lastFolder)) {
            return lastFolder;
        }
        return FileDialogs.defaultFolder(project().get());
    }

    @Override
    public void rememberDialogFolder(java.nio.file.Path chosenFile) {
        java.nio.file.Path parent = chosenFile.toAbsolutePath().getParent();
        if (parent != null) {
            lastFolder = parent;
        }
    }

    void wire(TaskRunner runner, Runnable refreshCatalog, Consumer<String> showDataset) {
        this.tasks = runner;
        this.refresh = refreshCatalog;
        this.show = showDataset;
    }

    @Override
    public ReadOnlyObjectProperty<Project> project() {
        return session.project();
    }

    @Override
    public TaskRunner tasks() {
        return tasks;
    }

    @Override
    public ResourceBundle bundle(String feature) {
        return bundles.get(feature);
    }

    @Override
    public Window owner() {
        return owner;
    }

    @Override
    public void refreshCatalog() {
        refresh.run();
    }

    @Override
    public javafx.beans.property.ReadOnlyLongProperty catalogRevision() {
        return revision;
    }

    /** Counts one catalog reload (the window's refresh, from any caller). */
    void catalogReloaded() {
        revision.set(revision.get() + 1);
    }

    @Override
    public void showDataset(String name) {
        show.accept(name);
    }

    @Override
    public void showError(String title, Throwable error) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> showError(title, error));
            return;
        }
        // Logged once here, where the error is finally handled; the user sees the plain message only.
        LOG.info("{} failed", title, error);
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(bundles.text("error.title"));
        alert.setHeaderText(bundles.text("error.header", title));
        alert.setContentText(ErrorText.of(error));
        alert.getDialogPane().setId("errorDialog");
        theme.apply(alert);
        alert.show();
    }
}
