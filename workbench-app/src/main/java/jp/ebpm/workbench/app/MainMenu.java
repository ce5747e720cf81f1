package jp.ebpm.workbench.app;

import java.io.File;
import java.nio.file.Path;
import java.util.ResourceBundle;

import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;

import jp.ebpm.workbench.app.importwizard.ImportWizardDialog;
import jp.ebpm.workbench.app.settings.SettingsDialog;

/** The menu bar of the main window: File, View, Settings, Help. */
final class MainMenu {

    private final MainWindow window;
    private final ResourceBundle text;

    MainMenu(MainWindow window, ResourceBundle text) {
        this.window = window;
        this.text = text;
    }

    MenuBar build() {
        ProjectSession session = window.session();
        Menu recent = new Menu(text.getString("menu.file.recent"));
        recent.setId("menuRecent");
        recent.setOnShowing(e -> fillRecent(recent));
        recent.getItems().add(new MenuItem("-"));
        MenuItem importItem = item("menu.file.import", "menuImport", "Shortcut+I",
                () -> new ImportWizardDialog(window.context(), window.theme()).show());
        importItem.disableProperty().bind(session.project().isNull());
        MenuItem close = item("menu.file.close", "menuClose", null, session::close);
        close.disableProperty().bind(session.project().isNull());
        Menu file = new Menu(text.getString("menu.file"), null,
                item("menu.file.new", "menuNew", "Shortcut+N", () -> chooseFolder("menu.file.new", session::create)),
                item("menu.file.open", "menuOpen", "Shortcut+O", () -> chooseFolder("menu.file.open", session::open)),
                recent, new SeparatorMenuItem(), importItem, new SeparatorMenuItem(), close,
                item("menu.file.exit", "menuExit", "Shortcut+Q", () -> window.stage().close()));
        file.setId("menuFile");
        Menu view = new Menu(text.getString("menu.view"), null,
                item("menu.view.refresh", "menuRefresh", "F5", () -> window.context().refreshCatalog()),
                item("menu.view.data", "menuViewData", "Shortcut+1", () -> window.selectTab(0)),
                item("menu.view.sql", "menuViewSql", "Shortcut+2", () -> window.selectTab(1)));
        Menu settings = new Menu(text.getString("menu.settings"), null,
                item("menu.settings.preferences", "menuPreferences", null,
                        () -> new SettingsDialog(window.context().owner(), session, text, window.theme()).show()));
        Menu help = new Menu(text.getString("menu.help"), null,
                item("menu.help.about", "menuAbout", null, this::about));
        return new MenuBar(file, view, settings, help);
    }

    private MenuItem item(String key, String id, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text.getString(key));
        m.setId(id);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (Path p : window.session().settings().recentProjects()) {
            MenuItem m = new MenuItem(p.toString());
            m.setMnemonicParsing(false);
            m.setOnAction(e -> window.session().open(p));
            recent.getItems().add(m);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem(text.getString("menu.file.recent.none"));
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    private void chooseFolder(String titleKey, java.util.function.Consumer<Path> then) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(text.getString(titleKey));
        File dir = chooser.showDialog(window.stage());
        if (dir != null) {
            then.accept(dir.toPath());
        }
    }

    private void about() {
        String version = MainMenu.class.getPackage().getImplementationVersion();
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(window.stage());
        a.setTitle(text.getString("menu.help.about"));
        a.setHeaderText(text.getString("app.title") + " " + (version == null ? "" : version));
        a.setContentText(text.getString("about.text"));
        window.theme().apply(a);
        a.show();
    }
}
