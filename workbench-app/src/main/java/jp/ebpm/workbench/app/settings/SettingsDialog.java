package jp.ebpm.workbench.app.settings;

import java.util.ResourceBundle;

import javafx.collections.FXCollections;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

import jp.ebpm.workbench.app.ProjectSession;
import jp.ebpm.workbench.app.Theme;

/**
 * Settings: the UI language (system, English, Japanese; a new language applies after a restart) and the
 * organisation and author written on the covers of exported workbooks.
 */
public final class SettingsDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();

    public SettingsDialog(Window owner, ProjectSession session, ResourceBundle text, Theme theme) {
        dialog.initOwner(owner);
        dialog.setTitle(text.getString("settings.title"));
        dialog.getDialogPane().setId("settingsDialog");
        ChoiceBox<UiLanguage> language = new ChoiceBox<>(FXCollections.observableArrayList(UiLanguage.values()));
        language.setId("settingsLanguage");
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(UiLanguage l) {
                return l == null ? "" : text.getString("settings.language." + l.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public UiLanguage fromString(String s) {
                throw new UnsupportedOperationException("choice only");
            }
        });
        language.setValue(session.settings().language());
        Label note = new Label(text.getString("settings.restart"));
        note.getStyleClass().add("hint");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(text.getString("settings.language")), language);
        grid.add(note, 0, 1, 2, 1);
        javafx.scene.control.TextField organization = new javafx.scene.control.TextField(session.settings().organization());
        organization.setId("settingsOrganization");
        organization.setPromptText(text.getString("settings.organization.prompt"));
        organization.setPrefColumnCount(24);
        javafx.scene.control.TextField author = new javafx.scene.control.TextField(session.settings().author());
        author.setId("settingsAuthor");
        author.setPromptText(System.getProperty("user.name", ""));
        grid.addRow(2, new Label(text.getString("settings.organization")), organization);
        grid.addRow(3, new Label(text.getString("settings.author")), author);
        Label coverNote = new Label(text.getString("settings.cover.note"));
        coverNote.getStyleClass().add("hint");
        coverNote.setWrapText(true);
        grid.add(coverNote, 0, 4, 2, 1);
        dialog.getDialogPane().setContent(grid);
        ButtonType ok = new ButtonType(text.getString("button.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(text.getString("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, cancel);
        theme.apply(dialog);
        dialog.setResultConverter(b -> {
            if (b == ok) {
                WorkbenchSettings now = session.settings().withLanguage(language.getValue())
                        .withCover(organization.getText(), author.getText());
                if (!now.equals(session.settings())) {
                    session.updateSettings(now);
                }
            }
            return b;
        });
    }

    public void show() {
        dialog.show();
    }
}
