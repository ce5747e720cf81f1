package jp.ebpm.workbench.app.importwizard;

import java.nio.file.Path;
import java.util.ResourceBundle;

import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.workbench.app.AppContext;
import jp.ebpm.workbench.app.Theme;

/**
 * The import wizard: file, encoding, sheet and title rows, a preview with a type per column, the target
 * name (checked against the catalog), kind and sensitivity. Import runs as a task with a progress bar;
 * Cancel stops it and leaves the project unchanged.
 */
public final class ImportWizardDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ImportWizardViewModel model;
    private final ResourceBundle text;

    public ImportWizardDialog(AppContext context, Theme theme) {
        this.model = new ImportWizardViewModel(context);
        this.text = context.bundle("main");
        dialog.setTitle(text.getString("import.title"));
        dialog.initOwner(context.owner());
        dialog.setResizable(true);
        ButtonType importButton = new ButtonType(text.getString("import.run"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelButton = new ButtonType(text.getString("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(importButton, cancelButton);
        dialog.getDialogPane().setContent(content(context));
        dialog.getDialogPane().setPrefSize(900, 640);
        dialog.getDialogPane().setId("importWizard");
        theme.apply(dialog);

        Button run = (Button) dialog.getDialogPane().lookupButton(importButton);
        run.setId("importRun");
        run.disableProperty().bind(model.preview().isNull().or(model.nameError().isNotEmpty()).or(model.busy()));
        run.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.startImport(() -> {
                dialog.setResult(importButton);
                dialog.close();
            });
        });
        Button cancel = (Button) dialog.getDialogPane().lookupButton(cancelButton);
        cancel.setId("importCancel");
        cancel.addEventFilter(ActionEvent.ACTION, e -> {
            if (model.importTask().get() != null) {
                model.importTask().get().cancel();
            }
        });
        model.validateName();
    }

    /** The view model (for tests). */
    public ImportWizardViewModel model() {
        return model;
    }

    /** Shows the wizard without blocking. */
    public void show() {
        dialog.show();
    }

    private VBox content(AppContext context) {
        TextField file = new TextField();
        file.setId("importFile");
        file.setPromptText(text.getString("import.file.prompt"));
        HBox.setHgrow(file, Priority.ALWAYS);
        file.setOnAction(e -> takeFile(file.getText()));
        file.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                takeFile(file.getText());
            }
        });
        model.file().addListener((o, a, p) -> file.setText(p == null ? "" : p.toString()));
        Button browse = new Button(text.getString("import.browse"));
        browse.setOnAction(e -> browse(context));

        ComboBox<String> encoding = new ComboBox<>(FXCollections.observableArrayList(ImportWizardViewModel.ENCODINGS));
        encoding.setId("importEncoding");
        encoding.setValue(model.encoding().get());
        encoding.valueProperty().addListener((o, a, v) -> model.chooseEncoding(v));
        ComboBox<String> sheet = new ComboBox<>();
        sheet.setId("importSheet");
        sheet.valueProperty().addListener((o, a, v) -> model.chooseSheet(v));
        model.sheet().addListener((o, a, v) -> sheet.setValue(v));
        // Starts at 0 on screen while the model says "detect" (-1); the first preview shows the detected value.
        Spinner<Integer> skip = new Spinner<>(0, 1000, 0);
        skip.setId("importSkip");
        skip.setEditable(true);
        skip.setPrefWidth(90);
        skip.valueProperty().addListener((o, a, v) -> model.chooseSkipRows(v == null ? -1 : v));
        Label detected = new Label();
        detected.setId("importDetected");
        detected.getStyleClass().add("hint");
        model.preview().addListener((o, a, p) -> {
            sheet.setItems(FXCollections.observableArrayList(p == null ? java.util.List.of() : p.sheets()));
            sheet.setDisable(p == null || p.sheets().isEmpty());
            skip.getValueFactory().setValue(p == null ? skip.getValue() : Integer.valueOf(p.skipRows()));
            detected.setText(p == null ? "" : java.text.MessageFormat.format(text.getString("import.detected"),
                    p.format(), p.encoding() == null ? "-" : p.encoding(),
                    p.delimiter() == null ? "-" : delimiterName(p.delimiter()), p.rows().size()));
        });
        sheet.setDisable(true);

        PreviewTable preview = new PreviewTable(model, text.getString("import.preview.placeholder"));
        Label previewError = new Label();
        previewError.setId("importPreviewError");
        previewError.getStyleClass().add("error-text");
        previewError.setWrapText(true);
        previewError.textProperty().bind(model.previewError());
        Label warnings = new Label();
        warnings.setWrapText(true);
        warnings.getStyleClass().add("hint");
        model.preview().addListener((o, a, p) -> warnings.setText(p == null ? "" : String.join("\n", p.warnings())));

        TextField name = new TextField();
        name.setId("importName");
        name.textProperty().bindBidirectional(model.name());
        Label nameError = new Label();
        nameError.setId("importNameError");
        nameError.getStyleClass().add("error-text");
        nameError.textProperty().bind(model.nameError());
        ComboBox<DatasetKind> kind = new ComboBox<>(FXCollections.observableArrayList(DatasetKind.values()));
        kind.setId("importKind");
        kind.setConverter(converter("kind."));
        kind.valueProperty().bindBidirectional(model.kind());
        ComboBox<Sensitivity> sensitivity = new ComboBox<>(FXCollections.observableArrayList(Sensitivity.values()));
        sensitivity.setId("importSensitivity");
        sensitivity.setConverter(converter("sensitivity."));
        sensitivity.valueProperty().bindBidirectional(model.sensitivity());

        ProgressBar progress = new ProgressBar(0);
        progress.setId("importProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        Label progressText = new Label();
        progressText.getStyleClass().add("hint");
        model.importTask().addListener((o, a, task) -> {
            progress.progressProperty().unbind();
            progressText.textProperty().unbind();
            if (task != null) {
                progress.progressProperty().bind(task.progressProperty());
                progressText.textProperty().bind(task.messageProperty());
            }
        });
        HBox progressRow = new HBox(8, progress, progressText);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progressRow.visibleProperty().bind(model.importTask().isNotNull());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label(text.getString("import.file")), new HBox(6, file, browse));
        form.addRow(1, new Label(text.getString("import.encoding")), new HBox(8, encoding,
                new Label(text.getString("import.sheet")), sheet, new Label(text.getString("import.skipRows")), skip, detected));
        form.addRow(2, new Label(text.getString("import.name")), new HBox(8, name, nameError));
        form.addRow(3, new Label(text.getString("import.kind")), new HBox(8, kind,
                new Label(text.getString("import.sensitivity")), sensitivity));
        GridPane.setHgrow(form.getChildren().get(1), Priority.ALWAYS);
        VBox box = new VBox(8, form, new Label(text.getString("import.preview")), preview.node(), previewError,
                warnings, progressRow);
        VBox.setVgrow(preview.node(), Priority.ALWAYS);
        return box;
    }

    private void takeFile(String s) {
        if (s == null || s.isBlank()) {
            return;
        }
        Path p = Path.of(s.strip());
        if (!p.equals(model.file().get())) {
            model.file().set(p);
        }
    }

    private void browse(AppContext context) {
        jp.ebpm.workbench.app.FileDialogs.open(context, text.getString("import.title"),
                new FileChooser.ExtensionFilter(text.getString("import.filter.data"),
                        "*.csv", "*.tsv", "*.txt", "*.xlsx", "*.xls", "*.parquet"),
                new FileChooser.ExtensionFilter(text.getString("import.filter.all"), "*.*")).ifPresent(f -> model.file().set(f));
    }

    private static String delimiterName(char c) {
        return switch (c) {
            case '\t' -> "TAB";
            case ' ' -> "SPACE";
            default -> String.valueOf(c);
        };
    }

    private <E extends Enum<E>> StringConverter<E> converter(String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : text.getString(prefix + e.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public E fromString(String s) {
                throw new UnsupportedOperationException("choice only");
            }
        };
    }
}
