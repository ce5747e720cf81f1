package jp.ebpm.workbench.app;

import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.workbench.app.catalog.CatalogView;
import jp.ebpm.workbench.app.catalog.CatalogViewModel;
import jp.ebpm.workbench.app.data.DataView;
import jp.ebpm.workbench.app.data.DataViewModel;
import jp.ebpm.workbench.app.settings.SettingsStore;
import jp.ebpm.workbench.app.sql.SqlConsoleView;
import jp.ebpm.workbench.app.sql.SqlConsoleViewModel;

/**
 * The main window (composition root of one window): menu bar, catalog on the left, tabs "Data", "SQL"
 * and one per {@link Features#all() feature} in the centre, the task status bar at the bottom.
 */
public final class MainWindow {

    private final Stage stage;
    private final ProjectSession session;
    private final MainContext context;
    private final FxTaskRunner runner;
    private final ExecutorService pageReader;
    private final Bundles bundles;
    private final Theme theme;
    private final TabPane tabs = new TabPane();
    private final Tab dataTab;
    private final CatalogViewModel catalog;
    private final CatalogView catalogView;
    private final DataViewModel data;

    /**
     * @param stage  the window
     * @param store  the user's settings (language, recent projects)
     * @param sample the first-start project
     */
    public MainWindow(Stage stage, SettingsStore store, SampleProjectProvider sample) {
        this(stage, store, sample, FileDialogs.SYSTEM);
    }

    /**
     * @param stage       the window
     * @param store       the user's settings (language, recent projects)
     * @param sample      the first-start project
     * @param fileChooser how open and save dialogs are shown (tests answer them without a window)
     */
    public MainWindow(Stage stage, SettingsStore store, SampleProjectProvider sample, FileDialogs.Chooser fileChooser) {
        this.stage = stage;
        this.theme = Theme.detect();
        this.bundles = new Bundles(store.load().language().locale());
        ResourceBundle text = bundles.get("main");
        this.pageReader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "workbench-page-reader");
            t.setDaemon(true);
            return t;
        });
        MainContext[] holder = new MainContext[1];
        this.runner = new FxTaskRunner(3, (title, error) -> holder[0].showError(title, error));
        this.session = new ProjectSession(store, runner, sample, bundles);
        this.context = new MainContext(stage, session, bundles, theme, fileChooser);
        context.useSettings(session::settings);
        holder[0] = context;

        catalog = new CatalogViewModel(context);
        data = new DataViewModel(context, pageReader, Platform::runLater);
        catalogView = new CatalogView(catalog, text, data::show);
        context.wire(runner, this::refreshCatalog, this::showDataset);
        catalog.datasets().addListener((javafx.collections.ListChangeListener<DatasetInfo>) c -> catalogChanged());

        dataTab = new Tab(text.getString("tab.data"), new DataView(data, text).node());
        dataTab.setId("dataTab");
        SqlConsoleViewModel sql = new SqlConsoleViewModel(context);
        Tab sqlTab = new Tab(text.getString("tab.sql"), new SqlConsoleView(sql, text).node());
        sqlTab.setId("sqlTab");
        tabs.getTabs().addAll(dataTab, sqlTab);
        for (WorkbenchFeature f : Features.all()) {
            Tab t = new Tab(f.title(context), f.createView(context));
            t.setId("feature-" + f.id());
            tabs.getTabs().add(t);
        }
        tabs.getTabs().forEach(t -> t.setClosable(false));

        TaskStatusBar status = new TaskStatusBar(runner, bundles);
        context.useNotices(status::setNotice);
        session.project().addListener((o, a, p) -> status.setProjectText(p == null ? "" : p.directory().toString()));
        SplitPane split = new SplitPane(catalogView.node(), tabs);
        split.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(catalogView.node(), false);
        BorderPane root = new BorderPane(split);
        root.setTop(new MainMenu(this, text).build());
        root.setBottom(status.node());
        Scene scene = new Scene(root, 1280, 800);
        theme.apply(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> session.project().get() == null
                ? text.getString("app.title")
                : text.getString("app.title") + " — " + session.project().get().directory().getFileName(),
                session.project()));
        stage.setOnHidden(e -> shutdown());
    }

    /** Shows the window and opens the start project ({@code explicitProject} may be {@code null}). */
    public void show(Path explicitProject) {
        stage.show();
        session.startup(explicitProject);
    }

    public AppContext context() {
        return context;
    }

    public ProjectSession session() {
        return session;
    }

    Stage stage() {
        return stage;
    }

    /** The task runner (the start-up splash follows the task opening the start project). */
    FxTaskRunner runner() {
        return runner;
    }

    Bundles bundles() {
        return bundles;
    }

    Theme theme() {
        return theme;
    }

    void selectTab(int index) {
        tabs.getSelectionModel().select(index);
    }

    /** Shows a dataset in the data view and selects it in the catalog. */
    void showDataset(String name) {
        tabs.getSelectionModel().select(dataTab);
        catalogView.select(name);
        data.show(name);
    }

    /** Reloads the catalog and the shown dataset (after SQL or a feature changed the project). */
    void refreshCatalog() {
        catalog.refresh();
        data.reload();
        context.catalogReloaded();
    }

    /** The shown dataset is cleared when it left the catalog and re-read when its entry changed. */
    private void catalogChanged() {
        DatasetInfo shown = data.dataset().get();
        if (shown == null) {
            return;
        }
        DatasetInfo now = catalog.datasets().stream().filter(d -> d.name().equals(shown.name())).findFirst().orElse(null);
        if (now == null) {
            data.clear();
        } else if (!now.equals(shown)) {
            data.show(now.name());
        }
    }

    private void shutdown() {
        runner.close();
        pageReader.shutdownNow();
        session.close();
    }
}
