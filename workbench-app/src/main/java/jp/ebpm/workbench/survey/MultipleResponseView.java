package jp.ebpm.workbench.survey;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.survey.Codebook;
import jp.ebpm.analysis.survey.MultipleResponse;
import jp.ebpm.analysis.survey.SurveyDesign;
import jp.ebpm.analysis.survey.SurveyWorkbooks;
import jp.ebpm.analysis.survey.VariableType;
import jp.ebpm.analysis.survey.WeightKind;
import jp.ebpm.workbench.app.AppContext;
import jp.ebpm.workbench.app.ShownResult;

/**
 * Multiple-response mode: a set from the codebook ({@code multi_binary} or {@code multi_delimited}), or
 * picked columns (several 0/1 columns, or one column of codes separated by {@code ;}), by an optional banner
 * variable. The table shows per banner column and Total the count, % of respondents (sums to more than
 * 100) and % of responses (sums to 100), then the base (respondents who answered) and the mentions.
 * Counting runs in {@link MultipleResponse} as a task.
 */
final class MultipleResponseView {

    private final AppContext context;
    private final ResourceBundle text;
    private final ComboBox<String> set = new ComboBox<>();
    private final ListView<String> columns = new ListView<>();
    private final ComboBox<String> banner = new ComboBox<>();
    private final TableView<List<String>> table = GridTable.create("mrResult");
    private final Label note = new Label();
    private final VBox controls;
    private final BorderPane result = new BorderPane();
    private Codebook codebook = Codebook.empty();
    private List<String> datasetColumns = List.of();
    /** The table on screen: copy and export take it, never a table still being computed. */
    final ShownResult<Shown> shown = new ShownResult<>();

    /** What the multiple-response grid shows and where it comes from. */
    record Shown(String dataset, SurveyDesign design, Codebook.Variable set, MultipleResponse.Table table) {
    }

    MultipleResponseView(AppContext context, ResourceBundle text) {
        this.context = context;
        this.text = text;
        set.setId("mrSet");
        jp.ebpm.workbench.app.Placeholders.empty(table, context.bundle("main"));
        columns.setId("mrColumns");
        banner.setId("mrBanner");
        set.setPrefWidth(220);
        banner.setPrefWidth(170);
        columns.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        columns.setPrefHeight(90);
        columns.setPrefWidth(180);
        set.valueProperty().addListener((obs, o, n) -> columns.setDisable(n != null && isCodebookSet(n)));
        FlowPane row = new FlowPane(8, 6, labelled("survey.mr.set", set), labelled("survey.mr.columns", columns),
                labelled("survey.mr.banner", banner));
        Label help = new Label(text.getString("survey.mr.help"));
        help.setWrapText(true);
        controls = new VBox(4, row, help);
        controls.setPadding(new Insets(0, 6, 6, 6));
        note.setWrapText(true);
        note.setId("mrNote");
        result.setCenter(table);
        result.setBottom(note);
    }

    private VBox labelled(String key, javafx.scene.Node n) {
        return new VBox(2, new Label(text.getString(key)), n);
    }

    VBox controls() {
        return controls;
    }

    BorderPane result() {
        return result;
    }

    ComboBox<String> banner() {
        return banner;
    }

    /** Offers these dataset columns and the codebook's sets. */
    void setSource(List<String> cols, Codebook cb) {
        this.datasetColumns = List.copyOf(cols);
        this.codebook = cb == null ? Codebook.empty() : cb;
        List<String> sets = new ArrayList<>();
        for (Codebook.Variable v : codebook.variables()) {
            if (isMulti(v) && (v.type() == VariableType.MULTI_BINARY ? cols.containsAll(v.members()) : cols.contains(v.name()))) {
                sets.add(v.name());
            }
        }
        sets.add(text.getString("survey.mr.pick.binary"));
        sets.add(text.getString("survey.mr.pick.delimited"));
        String old = set.getValue();
        set.setItems(FXCollections.observableArrayList(sets));
        // keep a codebook set the user chose; otherwise offer the first codebook set (or the first pick option)
        set.setValue(old != null && sets.contains(old) && isCodebookSet(old) ? old : sets.get(0));
        columns.setItems(FXCollections.observableArrayList(cols));
        List<String> optional = new ArrayList<>();
        optional.add(text.getString("survey.none"));
        optional.addAll(cols);
        String oldBanner = banner.getValue();
        banner.setItems(FXCollections.observableArrayList(optional));
        banner.setValue(oldBanner != null && optional.contains(oldBanner) ? oldBanner : optional.get(0));
    }

    private static boolean isMulti(Codebook.Variable v) {
        return v.type() == VariableType.MULTI_BINARY || v.type() == VariableType.MULTI_DELIMITED;
    }

    private boolean isCodebookSet(String name) {
        return codebook.variable(name).filter(MultipleResponseView::isMulti).isPresent();
    }

    /** Picks columns (the "pick" sources). */
    void pickColumns(List<String> names) {
        columns.getSelectionModel().clearSelection();
        for (String n : names) {
            columns.getSelectionModel().select(n);
        }
    }

    ComboBox<String> setBox() {
        return set;
    }

    /**
     * The set variable to count: the codebook's, or one made from the picked columns (0/1 columns: option
     * codes are the column names, labels the codebook questions; a delimited column: its codebook values).
     */
    Codebook.Variable setVariable() {
        String s = set.getValue();
        if (s != null && isCodebookSet(s)) {
            return codebook.variable(s).orElseThrow();
        }
        List<String> picked = List.copyOf(columns.getSelectionModel().getSelectedItems());
        if (text.getString("survey.mr.pick.delimited").equals(s)) {
            if (picked.size() != 1) {
                throw new IllegalArgumentException(text.getString("survey.mr.error.delimited"));
            }
            String col = picked.get(0);
            List<Codebook.Value> values = codebook.variable(col).map(Codebook.Variable::values).orElse(List.of());
            return new Codebook.Variable(col, "", VariableType.MULTI_DELIMITED, values, Set.of(), List.of());
        }
        if (picked.size() < 2) {
            throw new IllegalArgumentException(text.getString("survey.mr.error.binary"));
        }
        List<Codebook.Value> values = new ArrayList<>();
        for (String col : picked) {
            String q = codebook.variable(col).map(Codebook.Variable::question).filter(x -> !x.isBlank()).orElse(col);
            values.add(new Codebook.Value(col, q, q));
        }
        return new Codebook.Variable(String.join("+", picked), "", VariableType.MULTI_BINARY, values, Set.of(), picked);
    }

    /** Counts the set by the banner as a task. */
    void run(Project p, String dataset, String weight, WeightKind kind) {
        Codebook.Variable s;
        try {
            s = setVariable();
        } catch (IllegalArgumentException e) {
            context.showError(text.getString("survey.mode.mr"), e);
            return;
        }
        String b = banner.getValue() == null || banner.getValue().equals(text.getString("survey.none")) ? null : banner.getValue();
        if (b != null && !datasetColumns.contains(b)) {
            b = null;
        }
        String bannerCol = b;
        Codebook.Variable bannerVar = b == null ? null : codebook.variable(b).orElse(null);
        shown.compute(context.tasks(), text.getString("survey.task.mr"), (progress, cancel) -> new Shown(dataset,
                SurveyDesign.of(p.catalog().find(dataset).orElse(null), weight, kind, List.of()), s,
                MultipleResponse.of(p, dataset, s, bannerCol, weight, bannerVar)), this::show);
    }

    private void show(Shown shownTable) {
        GridTable.show(table, grid(shownTable.table(), text));
        Codebook.Variable s = shownTable.set();
        String q = s.question() == null || s.question().isBlank() ? s.name() : s.question();
        note.setText(MessageFormat.format(text.getString("survey.mr.note"), q));
    }

    /** The grid: per option and banner column count, % of respondents, % of responses; then base and mentions. */
    static CrossTabGrid.Grid grid(MultipleResponse.Table t, ResourceBundle text) {
        int nc = t.cols().size();
        List<String> h = new ArrayList<>();
        h.add(text.getString("survey.mr.option"));
        for (int j = 0; j < nc; j++) {
            String col = j == nc - 1 ? text.getString("survey.col.total") : t.cols().get(j).label();
            h.add(col + " n");
            h.add(col + " " + text.getString("survey.mr.pct.respondents"));
            h.add(col + " " + text.getString("survey.mr.pct.responses"));
        }
        List<CrossTabGrid.Row> rows = new ArrayList<>();
        for (int i = 0; i < t.options().size(); i++) {
            List<String> r = new ArrayList<>();
            r.add(t.options().get(i).label());
            for (int j = 0; j < nc; j++) {
                r.add(CrossTabGrid.number(t.counts()[i][j]));
                r.add(CrossTabGrid.pct(t.pctRespondents()[i][j]));
                r.add(CrossTabGrid.pct(t.pctResponses()[i][j]));
            }
            rows.add(new CrossTabGrid.Row(CrossTabGrid.Kind.CATEGORY, i, r, null));
        }
        List<String> base = new ArrayList<>();
        base.add(text.getString("survey.mr.base"));
        List<String> mentions = new ArrayList<>();
        mentions.add(text.getString("survey.mr.mentions"));
        for (int j = 0; j < nc; j++) {
            base.add(CrossTabGrid.number(t.base()[j]));
            base.add("");
            base.add("");
            mentions.add(CrossTabGrid.number(t.mentions()[j]));
            mentions.add("");
            mentions.add("");
        }
        rows.add(new CrossTabGrid.Row(CrossTabGrid.Kind.BASE, -1, base, null));
        rows.add(new CrossTabGrid.Row(CrossTabGrid.Kind.BASE, -1, mentions, null));
        return new CrossTabGrid.Grid(h, rows);
    }

    /** TSV of the shown table, or "" while a new one is computed. */
    String tsv() {
        return shown.forOutput().map(s -> grid(s.table(), text).tsv()).orElse("");
    }

    /** Writes the shown table to an .xlsx workbook with its provenance; null when nothing may be exported. */
    javafx.concurrent.Task<java.nio.file.Path> exportXlsx(Project p, java.nio.file.Path file, String organization, String author,
                                                          java.util.function.Consumer<java.nio.file.Path> done) {
        Shown s = shown.forOutput().orElse(null);
        if (s == null || p == null) {
            return null;
        }
        String question = s.set().question() == null || s.set().question().isBlank() ? s.set().name() : s.set().question();
        String title = s.dataset() + ": " + question;
        var table = SurveyWorkbooks.multipleResponse(s.table(), question, SurveyWorkbooks.provenance(p, s.dataset(), s.design(), author));
        return context.tasks().run(text.getString("survey.task.export"), (progress, cancel) -> {
            SurveyWorkbooks.write(table, title, organization, author, file);
            return file;
        }, done);
    }
}
