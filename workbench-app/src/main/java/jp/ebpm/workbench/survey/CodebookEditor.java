package jp.ebpm.workbench.survey;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.util.StringConverter;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.survey.Codebook;
import jp.ebpm.analysis.survey.CodebookIo;
import jp.ebpm.analysis.survey.ProjectCodebooks;
import jp.ebpm.analysis.survey.VariableType;
import jp.ebpm.workbench.app.AppContext;

/**
 * Edits the codebook stored with a survey dataset: a variables table (name, type, question in Japanese
 * and English, missing codes, member columns of a multiple-response set) and, for the selected variable,
 * its values (code, Japanese and English label) in category order. The user may draft one from the data,
 * import a CSV/.xlsx codebook, export it as CSV, and save it into the project; nothing reaches the project
 * before Save, so Cancel leaves the stored codebook as it was. Database work runs through
 * {@code context.tasks()}.
 */
final class CodebookEditor {

    /** One editable variable row. */
    static final class VariableRow {
        final StringProperty name = new SimpleStringProperty("");
        final ObjectProperty<VariableType> type = new SimpleObjectProperty<>(VariableType.SINGLE);
        final StringProperty questionJa = new SimpleStringProperty("");
        final StringProperty questionEn = new SimpleStringProperty("");
        final StringProperty missing = new SimpleStringProperty("");
        final StringProperty members = new SimpleStringProperty("");
        final ObservableList<ValueRow> values = FXCollections.observableArrayList();
    }

    /** One editable value (category) row. */
    static final class ValueRow {
        final StringProperty code = new SimpleStringProperty("");
        final StringProperty labelJa = new SimpleStringProperty("");
        final StringProperty labelEn = new SimpleStringProperty("");
    }

    private final AppContext context;
    private final ResourceBundle text;
    private final Project project;
    private final String dataset;
    private final List<String> columns;
    private final Codebook fallback;
    private final Consumer<Codebook> onSaved;
    private final Stage stage = new Stage();
    private final ObservableList<VariableRow> variables = FXCollections.observableArrayList();
    private final TableView<VariableRow> variableTable = new TableView<>(variables);
    private final TableView<ValueRow> valueTable = new TableView<>();
    private final Label status = new Label();

    /**
     * @param dataset  the dataset whose codebook is edited
     * @param columns  its columns (for validation)
     * @param fallback shown when the dataset has no stored codebook yet (e.g. the one in use), may be empty
     * @param onSaved  called on the FX thread with the codebook after it was saved
     */
    CodebookEditor(AppContext context, String dataset, List<String> columns, Codebook fallback, Consumer<Codebook> onSaved) {
        this.context = context;
        this.text = context.bundle("codebook");
        this.project = context.project().get();
        this.dataset = dataset;
        this.columns = List.copyOf(columns);
        this.fallback = fallback == null ? Codebook.empty() : fallback;
        this.onSaved = onSaved;
        build();
    }

    /** Opens the window and loads the stored codebook. */
    void show() {
        stage.show();
        context.tasks().run(text.getString("codebook.task.load"), (progress, cancel) -> ProjectCodebooks.load(project, dataset),
                stored -> {
                    setCodebook(stored.orElse(fallback));
                    status.setText(stored.isPresent() ? text.getString("codebook.status.stored")
                            : fallback.variables().isEmpty() ? text.getString("codebook.status.none")
                            : text.getString("codebook.status.fallback"));
                });
    }

    Stage stage() {
        return stage;
    }

    private void build() {
        stage.setTitle(MessageFormat.format(text.getString("codebook.title"), dataset));
        if (context.owner() != null) {
            stage.initOwner(context.owner());
            stage.initModality(Modality.WINDOW_MODAL);
        }
        variableTable.setId("codebook-variables");
        valueTable.setId("codebook-values");
        status.setId("codebook-status");
        status.setWrapText(true);
        variableTable.setEditable(true);
        valueTable.setEditable(true);
        variableTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        valueTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        variableTable.getColumns().add(textColumn("codebook.col.name", r -> r.name, 110));
        TableColumn<VariableRow, VariableType> type = new TableColumn<>(text.getString("codebook.col.type"));
        type.setCellValueFactory(cd -> cd.getValue().type);
        type.setCellFactory(ComboBoxTableCell.forTableColumn(new StringConverter<>() {
            @Override
            public String toString(VariableType t) {
                return t == null ? "" : t.code();
            }

            @Override
            public VariableType fromString(String s) {
                return VariableType.parse(s);
            }
        }, VariableType.values()));
        type.setPrefWidth(120);
        variableTable.getColumns().add(type);
        variableTable.getColumns().add(textColumn("codebook.col.questionJa", r -> r.questionJa, 260));
        variableTable.getColumns().add(textColumn("codebook.col.questionEn", r -> r.questionEn, 200));
        variableTable.getColumns().add(textColumn("codebook.col.missing", r -> r.missing, 110));
        variableTable.getColumns().add(textColumn("codebook.col.members", r -> r.members, 140));

        valueTable.getColumns().add(textColumn("codebook.col.code", (ValueRow r) -> r.code, 80));
        valueTable.getColumns().add(textColumn("codebook.col.labelJa", (ValueRow r) -> r.labelJa, 220));
        valueTable.getColumns().add(textColumn("codebook.col.labelEn", (ValueRow r) -> r.labelEn, 200));
        variableTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) ->
                valueTable.setItems(row == null ? FXCollections.observableArrayList() : row.values));

        Button addVar = button("codebook-var-add", "codebook.var.add", e -> {
            VariableRow r = new VariableRow();
            r.name.set(unusedName());
            variables.add(r);
            variableTable.getSelectionModel().select(r);
        });
        Button removeVar = button("codebook-var-remove", "codebook.var.remove", e -> {
            VariableRow r = variableTable.getSelectionModel().getSelectedItem();
            if (r != null) {
                variables.remove(r);
            }
        });
        Button addValue = button("codebook-value-add", "codebook.value.add", e -> {
            VariableRow r = variableTable.getSelectionModel().getSelectedItem();
            if (r != null) {
                ValueRow v = new ValueRow();
                r.values.add(v);
                valueTable.getSelectionModel().select(v);
            }
        });
        Button removeValue = button("codebook-value-remove", "codebook.value.remove", e -> {
            ValueRow v = valueTable.getSelectionModel().getSelectedItem();
            if (v != null) {
                valueTable.getItems().remove(v);
            }
        });
        Button up = button("codebook-value-up", "codebook.value.up", e -> move(-1));
        Button down = button("codebook-value-down", "codebook.value.down", e -> move(1));

        VBox varBox = new VBox(4, new Label(text.getString("codebook.variables")), variableTable, new HBox(6, addVar, removeVar));
        VBox.setVgrow(variableTable, Priority.ALWAYS);
        VBox valueBox = new VBox(4, new Label(text.getString("codebook.values")), valueTable,
                new HBox(6, addValue, removeValue, up, down));
        VBox.setVgrow(valueTable, Priority.ALWAYS);
        SplitPane split = new SplitPane(varBox, valueBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);

        Button infer = button("codebook-infer", "codebook.infer", e -> inferDraft());
        Button importFile = button("codebook-import", "codebook.import", e -> chooseImport());
        Button exportFile = button("codebook-export", "codebook.export", e -> chooseExport());
        Button save = button("codebook-save", "codebook.save", e -> save());
        save.setDefaultButton(true);
        Button cancel = button("codebook-cancel", "codebook.cancel", e -> stage.close());
        cancel.setCancelButton(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(6, infer, importFile, exportFile, gap, save, cancel);
        Label hint = new Label(text.getString("codebook.hint"));
        hint.setWrapText(true);
        VBox bottom = new VBox(6, status, hint, buttons);
        BorderPane root = new BorderPane(split);
        root.setBottom(bottom);
        root.setPadding(new Insets(8));
        BorderPane.setMargin(bottom, new Insets(8, 0, 0, 0));
        Scene scene = new Scene(root, 1000, 640);
        if (context.owner() != null && context.owner().getScene() != null) {
            scene.getStylesheets().addAll(context.owner().getScene().getStylesheets());
        }
        stage.setScene(scene);
    }

    private Button button(String id, String key, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button b = new Button(text.getString(key));
        b.setId(id);
        b.setOnAction(action);
        return b;
    }

    private <R> TableColumn<R, String> textColumn(String key, java.util.function.Function<R, StringProperty> property, double width) {
        TableColumn<R, String> c = new TableColumn<>(text.getString(key));
        c.setCellValueFactory(cd -> property.apply(cd.getValue()));
        c.setCellFactory(TextFieldTableCell.forTableColumn());
        c.setOnEditCommit(ev -> property.apply(ev.getRowValue()).set(ev.getNewValue() == null ? "" : ev.getNewValue()));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private String unusedName() {
        Set<String> used = new HashSet<>();
        variables.forEach(v -> used.add(v.name.get()));
        for (String c : columns) {
            if (!used.contains(c)) {
                return c;
            }
        }
        return "";
    }

    private void move(int delta) {
        int i = valueTable.getSelectionModel().getSelectedIndex();
        ObservableList<ValueRow> items = valueTable.getItems();
        int j = i + delta;
        if (i < 0 || j < 0 || j >= items.size()) {
            return;
        }
        ValueRow v = items.remove(i);
        items.add(j, v);
        valueTable.getSelectionModel().clearAndSelect(j);
    }

    /** Replaces the rows by a codebook's variables. */
    void setCodebook(Codebook cb) {
        variables.setAll(rows(cb));
        // show the values of the first variable that has some
        variables.stream().filter(v -> !v.values.isEmpty()).findFirst()
                .or(() -> variables.stream().findFirst()).ifPresent(v -> variableTable.getSelectionModel().select(v));
    }

    /** The codebook as edited (not validated). */
    Codebook codebook() {
        List<Codebook.Variable> out = new ArrayList<>();
        for (VariableRow r : variables) {
            List<Codebook.Value> values = new ArrayList<>();
            for (ValueRow v : r.values) {
                values.add(new Codebook.Value(v.code.get().trim(), v.labelJa.get().trim(),
                        v.labelEn.get().isBlank() ? null : v.labelEn.get().trim()));
            }
            out.add(new Codebook.Variable(r.name.get().trim(), r.questionJa.get().trim(), r.type.get(), values,
                    split(r.missing.get()), new ArrayList<>(split(r.members.get())), r.questionEn.get().trim()));
        }
        return new Codebook(out);
    }

    private static Set<String> split(String s) {
        Set<String> out = new LinkedHashSet<>();
        if (s != null) {
            Arrays.stream(s.split("[;,、\\s]+")).map(String::trim).filter(x -> !x.isEmpty()).forEach(out::add);
        }
        return out;
    }

    static List<VariableRow> rows(Codebook cb) {
        List<VariableRow> out = new ArrayList<>();
        for (Codebook.Variable v : cb.variables()) {
            VariableRow r = new VariableRow();
            r.name.set(v.name());
            r.type.set(v.type());
            r.questionJa.set(v.question());
            r.questionEn.set(v.questionEn() == null ? "" : v.questionEn());
            List<String> missing = new ArrayList<>();
            for (Codebook.Value val : v.values()) {
                if (v.missingCodes().contains(val.code())) {
                    missing.add(val.code());
                }
            }
            v.missingCodes().stream().filter(m -> !missing.contains(m)).sorted().forEach(missing::add);
            r.missing.set(String.join(";", missing));
            r.members.set(String.join(";", v.members()));
            for (Codebook.Value val : v.values()) {
                ValueRow x = new ValueRow();
                x.code.set(val.code());
                x.labelJa.set(val.labelJa() == null ? "" : val.labelJa());
                x.labelEn.set(val.labelEn() == null ? "" : val.labelEn());
                r.values.add(x);
            }
            out.add(r);
        }
        return out;
    }

    /** Drafts variables from the data: all of them when the table is empty, else only the missing ones. */
    private void inferDraft() {
        context.tasks().run(text.getString("codebook.task.infer"), (progress, cancel) -> ProjectCodebooks.infer(project, dataset),
                draft -> {
                    if (variables.isEmpty()) {
                        setCodebook(draft);
                        status.setText(MessageFormat.format(text.getString("codebook.status.inferred"), draft.variables().size()));
                        return;
                    }
                    Set<String> present = new HashSet<>();
                    variables.forEach(v -> present.add(v.name.get()));
                    List<Codebook.Variable> added = draft.variables().stream().filter(v -> !present.contains(v.name())).toList();
                    variables.addAll(rows(new Codebook(added)));
                    status.setText(MessageFormat.format(text.getString("codebook.status.added"), added.size()));
                });
    }

    private void chooseImport() {
        jp.ebpm.workbench.app.FileDialogs.open(context, stage, text.getString("codebook.import"),
                new FileChooser.ExtensionFilter("CSV / Excel", "*.csv", "*.xlsx")).ifPresent(this::importFile);
    }

    /** Reads a CSV/.xlsx codebook into the editor (replacing its rows; nothing is saved yet). */
    void importFile(Path file) {
        context.tasks().run(text.getString("codebook.import"), (progress, cancel) -> CodebookIo.read(file), cb -> {
            setCodebook(cb);
            status.setText(MessageFormat.format(text.getString("codebook.status.imported"), file.getFileName(), cb.variables().size()));
        });
    }

    private void chooseExport() {
        jp.ebpm.workbench.app.FileDialogs.save(context, stage, text.getString("codebook.export"), "codebook.csv",
                new FileChooser.ExtensionFilter("CSV", "*.csv")).ifPresent(this::exportFile);
    }

    /** Writes the codebook as edited to a CSV file in the documented format. */
    void exportFile(Path file) {
        Codebook cb = codebook();
        context.tasks().run(text.getString("codebook.export"), (progress, cancel) -> {
            CodebookIo.writeCsv(cb, file);
            return file;
        }, f -> status.setText(MessageFormat.format(text.getString("codebook.status.exported"), f.getFileName())));
    }

    /** Validates, then stores the codebook with the dataset and closes the window. */
    private void save() {
        Codebook cb = codebook();
        List<String> problems = ProjectCodebooks.problems(cb, columns);
        if (!problems.isEmpty()) {
            status.setText(text.getString("codebook.status.invalid") + "\n• " + String.join("\n• ", problems));
            return;
        }
        context.tasks().run(text.getString("codebook.task.save"), (progress, cancel) -> {
            ProjectCodebooks.save(project, dataset, cb);
            return cb;
        }, saved -> {
            onSaved.accept(saved);
            stage.close();
        });
    }
}
