package jp.ebpm.workbench.app.importwizard;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.io.ImportOptions;
import jp.ebpm.analysis.io.ImportPreview;
import jp.ebpm.analysis.io.ImportResult;
import jp.ebpm.analysis.io.Importer;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.workbench.app.AppContext;
import jp.ebpm.workbench.app.Bundles;

/**
 * State of the import wizard: the file, the reading options (encoding, sheet, rows to skip), the preview
 * with an overridable type per column, and the target name, kind and sensitivity. The preview and the
 * import run as tasks through {@link Importer}; a successful import refreshes the catalog and shows the
 * new dataset.
 */
public final class ImportWizardViewModel {

    /** Encodings offered; {@code auto} lets the importer detect it. */
    public static final List<String> ENCODINGS = List.of("auto", "utf-8", "cp932", "euc-jp");
    /** Column types offered in the preview (DuckDB names). */
    public static final List<String> TYPES = List.of("VARCHAR", "BIGINT", "DOUBLE", "DECIMAL(18,3)", "BOOLEAN",
            "DATE", "TIMESTAMP", "TIME");

    private final AppContext context;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final StringProperty encoding = new SimpleStringProperty("auto");
    private final StringProperty sheet = new SimpleStringProperty();
    private final IntegerProperty skipRows = new SimpleIntegerProperty(-1);
    private final ObjectProperty<ImportPreview> preview = new SimpleObjectProperty<>();
    private final ObservableMap<String, String> typeOverrides = FXCollections.observableHashMap();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty nameError = new SimpleStringProperty("");
    private final ObjectProperty<DatasetKind> kind = new SimpleObjectProperty<>(DatasetKind.TABLE);
    private final ObjectProperty<Sensitivity> sensitivity = new SimpleObjectProperty<>(Sensitivity.INTERNAL);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Task<?>> importTask = new SimpleObjectProperty<>();
    private final StringProperty previewError = new SimpleStringProperty("");
    private int previewGeneration;

    public ImportWizardViewModel(AppContext context) {
        this.context = context;
        name.addListener((o, a, b) -> validateName());
        file.addListener((o, old, now) -> {
            if (now != null) {
                name.set(defaultName(now));
                sheet.set(null);
                skipRows.set(-1);
                refreshPreview();
            }
        });
    }

    /** The dataset name proposed for a file: its name without the extension. */
    public static String defaultName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    public ObjectProperty<Path> file() {
        return file;
    }

    public StringProperty encoding() {
        return encoding;
    }

    /** Excel sheet name; {@code null} = the first. */
    public StringProperty sheet() {
        return sheet;
    }

    /** Title rows to skip above the header; -1 = detect. */
    public IntegerProperty skipRows() {
        return skipRows;
    }

    public ObjectProperty<ImportPreview> preview() {
        return preview;
    }

    /** Why there is no preview (the importer's message), or empty. */
    public StringProperty previewError() {
        return previewError;
    }

    /** Column types chosen by the user, by column name. */
    public ObservableMap<String, String> typeOverrides() {
        return typeOverrides;
    }

    public StringProperty name() {
        return name;
    }

    /** Why the name cannot be used, or empty. */
    public StringProperty nameError() {
        return nameError;
    }

    public ObjectProperty<DatasetKind> kind() {
        return kind;
    }

    public ObjectProperty<Sensitivity> sensitivity() {
        return sensitivity;
    }

    /** Whether a preview or the import is running. */
    public BooleanProperty busy() {
        return busy;
    }

    /** The running import, or {@code null}. */
    public ObjectProperty<Task<?>> importTask() {
        return importTask;
    }

    /** Whether the import can start: a preview, a valid name and nothing running. */
    public boolean canImport() {
        return preview.get() != null && nameError.get().isEmpty() && !busy.get();
    }

    /** The options for the importer from the choices made. */
    public ImportOptions options() {
        ImportOptions o = ImportOptions.defaults()
                .withName(name.get().strip())
                .withEncoding("auto".equals(encoding.get()) ? null : encoding.get())
                .withSheet(sheet.get())
                .withSkipRows(skipRows.get() < 0 ? null : skipRows.get())
                .withKind(kind.get())
                .withSensitivity(sensitivity.get());
        ImportPreview p = preview.get();
        if (p != null && !typeOverrides.isEmpty()) {
            Map<String, String> changed = new LinkedHashMap<>();
            for (ColumnInfo c : p.columns()) {
                String chosen = typeOverrides.get(c.name());
                if (chosen != null && !chosen.equalsIgnoreCase(c.type())) {
                    changed.put(c.name(), chosen);
                }
            }
            o = o.withColumnTypes(changed);
        }
        return o;
    }

    /** The user chose an encoding: reads the preview again when it changed. */
    public void chooseEncoding(String value) {
        if (value != null && !value.equals(encoding.get())) {
            encoding.set(value);
            refreshPreview();
        }
    }

    /** The user chose a sheet: reads the preview again when it changed. */
    public void chooseSheet(String value) {
        if (value != null && !value.equals(sheet.get())) {
            sheet.set(value);
            // Another sheet has its own title rows: detect them again.
            skipRows.set(-1);
            refreshPreview();
        }
    }

    /** The user chose how many title rows to skip: reads the preview again when it changed. */
    public void chooseSkipRows(int value) {
        if (value != skipRows.get()) {
            skipRows.set(value);
            refreshPreview();
        }
    }

    /** Reads the preview again with the current options (in a task). */
    public void refreshPreview() {
        Path f = file.get();
        if (f == null) {
            return;
        }
        int g = ++previewGeneration;
        ImportOptions o = options();
        busy.set(true);
        previewError.set("");
        Task<ImportPreview> task = context.tasks().run(text("import.task.preview", f.getFileName()),
                (p, c) -> Importer.preview(f, o), result -> {
                    if (g == previewGeneration) {
                        typeOverrides.clear();
                        // Keep the detected title rows so that showing them does not trigger another preview.
                        skipRows.set(result.skipRows());
                        preview.set(result);
                        if (sheet.get() == null && !result.sheets().isEmpty()) {
                            sheet.set(result.sheets().get(0));
                        }
                    }
                });
        // addEventHandler, not setOnFailed: the task runner's own handler must stay (status bar, error dialog).
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            if (g == previewGeneration) {
                preview.set(null);
                previewError.set(message(task.getException()));
            }
        });
        task.runningProperty().addListener((obs, was, is) -> busy.set(is));
    }

    /**
     * Imports the file in a task with progress and cancel.
     *
     * @param onDone called on the FX thread after a successful import (the dialog closes)
     * @return the task, or {@code null} when the import cannot start
     */
    public Task<ImportResult> startImport(Runnable onDone) {
        validateName();
        Project project = context.project().get();
        Path f = file.get();
        if (project == null || f == null || !canImport()) {
            return null;
        }
        ImportOptions o = options();
        busy.set(true);
        Task<ImportResult> task = context.tasks().run(text("import.task.import", o.name()),
                (p, c) -> Importer.importFile(project, f, o, p, c), result -> {
                    context.refreshCatalog();
                    context.showDataset(result.dataset().name());
                    onDone.run();
                });
        importTask.set(task);
        task.runningProperty().addListener((obs, was, is) -> {
            busy.set(is);
            if (!is) {
                importTask.set(null);
            }
        });
        return task;
    }

    /** Checks the target name against the catalog. */
    public void validateName() {
        Project project = context.project().get();
        if (project == null) {
            nameError.set(text("import.noProject"));
            return;
        }
        if (file.get() == null && (name.get() == null || name.get().isBlank())) {
            // nothing chosen yet: no complaint about the empty name
            nameError.set("");
            return;
        }
        try {
            project.catalog().checkNewName(name.get() == null ? "" : name.get().strip());
            nameError.set("");
        } catch (WorkbenchException e) {
            nameError.set(e.getMessage());
        }
    }

    private static String message(Throwable t) {
        return t == null || t.getMessage() == null ? String.valueOf(t) : t.getMessage();
    }

    private String text(String key, Object... args) {
        return Bundles.format(context.bundle("main"), key, args);
    }
}
