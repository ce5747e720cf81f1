package jp.ebpm.workbench.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.survey.Codebook;
import jp.ebpm.analysis.survey.CrossTab;
import jp.ebpm.analysis.survey.LikertSummary;
import jp.ebpm.analysis.survey.LikertTables;
import jp.ebpm.analysis.survey.SurveyDesign;
import jp.ebpm.analysis.survey.SurveyWorkbooks;
import jp.ebpm.analysis.survey.VariableType;
import jp.ebpm.analysis.survey.WeightKind;
import jp.ebpm.workbench.app.AppContext;
import jp.ebpm.workbench.app.ShownResult;

/**
 * Likert mode: one or more scale items by a banner variable. Per item the distribution (column % with
 * ▲/▼ and letters), the top-2 and bottom-2 boxes (NET rows with significance letters, from
 * {@link LikertSummary#nets}), the mean score ({@link LikertSummary#of}) and the base, computed by
 * {@link LikertTables#run} as the command line does. The scale is the item's codebook scale (missing codes
 * excluded; the observed categories when the codebook has none); the first two are the top box unless
 * "high codes are positive" is ticked.
 */
final class LikertView {

    private final AppContext context;
    private final ResourceBundle text;
    private final ListView<String> items = new ListView<>();
    private final ComboBox<String> banner = new ComboBox<>();
    private final CheckBox highIsTop = new CheckBox();
    private final TableView<List<String>> table = GridTable.create("likertResult");
    private final VBox controls;
    private Codebook codebook = Codebook.empty();
    /** The items on screen: copy and export take these, never a table still being computed. */
    final ShownResult<Shown> shown = new ShownResult<>();

    /** What the Likert grid shows: the items and where they come from. */
    record Shown(String dataset, SurveyDesign design, List<LikertTables.Item> items) {
    }

    LikertView(AppContext context, ResourceBundle text) {
        this.context = context;
        this.text = text;
        items.setId("likertItems");
        jp.ebpm.workbench.app.Placeholders.empty(table, context.bundle("main"));
        banner.setId("likertBanner");
        banner.setPrefWidth(170);
        highIsTop.setId("likertHighTop");
        highIsTop.setText(text.getString("survey.likert.hightop"));
        items.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        items.setPrefHeight(90);
        items.setPrefWidth(180);
        FlowPane row = new FlowPane(8, 6, labelled("survey.likert.items", items), labelled("survey.likert.banner", banner), highIsTop);
        controls = new VBox(4, row);
        controls.setPadding(new Insets(0, 6, 6, 6));
    }

    private VBox labelled(String key, javafx.scene.Node n) {
        return new VBox(2, new Label(text.getString(key)), n);
    }

    VBox controls() {
        return controls;
    }

    TableView<List<String>> result() {
        return table;
    }

    ComboBox<String> banner() {
        return banner;
    }

    ListView<String> items() {
        return items;
    }

    /** Offers these columns; the codebook's Likert items are selected. */
    void setSource(List<String> cols, Codebook cb) {
        this.codebook = cb == null ? Codebook.empty() : cb;
        items.setItems(FXCollections.observableArrayList(cols));
        items.getSelectionModel().clearSelection();
        for (String c : cols) {
            if (codebook.variable(c).filter(v -> v.type() == VariableType.LIKERT).isPresent()) {
                items.getSelectionModel().select(c);
            }
        }
        if (!items.getSelectionModel().getSelectedIndices().isEmpty()) {
            items.scrollTo(items.getSelectionModel().getSelectedIndices().get(0));
        }
        String old = banner.getValue();
        banner.setItems(FXCollections.observableArrayList(cols));
        banner.setValue(old != null && cols.contains(old) ? old : null);
    }

    /** Tabulates the selected items by the banner as one task. */
    void run(Project p, String dataset, String weight, WeightKind kind) {
        List<String> chosen = List.copyOf(items.getSelectionModel().getSelectedItems());
        String b = banner.getValue();
        if (chosen.isEmpty() || b == null) {
            context.showError(text.getString("survey.mode.likert"), new IllegalArgumentException(text.getString("survey.likert.error.choose")));
            return;
        }
        boolean high = highIsTop.isSelected();
        Codebook cb = codebook;
        // the library prepares each table (stored codebook, raking margins recorded with a sampling weight)
        SurveyDesign design = new SurveyDesign(weight, kind, List.of());
        shown.compute(context.tasks(), text.getString("survey.task.likert"), (progress, cancel) ->
                new Shown(dataset, design, LikertTables.run(p, dataset, chosen, b, design, cb, high, progress, cancel)),
                s -> GridTable.show(table, grid(s.items(), text)));
    }

    /** The grid of computed items, one block per item. */
    static CrossTabGrid.Grid grid(List<LikertTables.Item> list, ResourceBundle text) {
        List<String> h = new ArrayList<>();
        h.add(text.getString("survey.likert.item"));
        CrossTab first = list.isEmpty() ? null : list.get(0).table();
        int nc = first == null ? 0 : first.cols().size();
        for (int j = 0; j < nc; j++) {
            h.add(first.cols().get(j).label() + " (" + first.colLetters().get(j) + ")");
        }
        List<CrossTabGrid.Row> rows = new ArrayList<>();
        for (LikertTables.Item it : list) {
            CrossTab t = it.table();
            List<String> title = CrossTabGrid.blank(nc + 1);
            title.set(0, it.question().equals(it.variable()) ? it.variable() : it.variable() + "  " + it.question());
            rows.add(new CrossTabGrid.Row(CrossTabGrid.Kind.TITLE, -1, title, null));
            for (int i = 0; i < t.rows().size(); i++) {
                List<String> r = new ArrayList<>();
                r.add(t.rows().get(i).label());
                for (int j = 0; j < nc; j++) {
                    r.add(j < t.cols().size() ? cell(t.table().colPct()[i][j], t.markers()[i][j], t.letters()[i][j]) : "");
                }
                rows.add(new CrossTabGrid.Row(CrossTabGrid.Kind.CATEGORY, i, r, null));
            }
            LikertSummary s = it.summary();
            for (int k = 0; k < 2; k++) {
                List<String> r = new ArrayList<>();
                r.add(text.getString(k == 0 ? "survey.likert.top2" : "survey.likert.bottom2"));
                CrossTab.NetRow net = k < t.nets().size() ? t.nets().get(k) : null;
                for (int j = 0; j < nc; j++) {
                    double pct = j >= s.cols().size() ? Double.NaN : k == 0 ? s.top2Pct()[j] : s.bottom2Pct()[j];
                    r.add(cell(pct, "", net == null ? "" : net.letters()[j]));
                }
                rows.add(new CrossTabGrid.Row(CrossTabGrid.Kind.NET, k, r, null));
            }
            List<String> mean = new ArrayList<>();
            mean.add(text.getString("survey.likert.mean"));
            List<String> base = new ArrayList<>();
            base.add(text.getString("survey.stats.base"));
            for (int j = 0; j < nc; j++) {
                mean.add(j >= s.mean().length || Double.isNaN(s.mean()[j]) ? "-" : String.format(Locale.ROOT, "%.2f", s.mean()[j]));
                base.add(j >= s.base().length ? "" : CrossTabGrid.number(s.base()[j]));
            }
            rows.add(new CrossTabGrid.Row(CrossTabGrid.Kind.MEAN, -1, mean, null));
            rows.add(new CrossTabGrid.Row(CrossTabGrid.Kind.BASE, -1, base, null));
        }
        return new CrossTabGrid.Grid(h, rows);
    }

    private static String cell(double pct, String marker, String letters) {
        String m = ((marker == null ? "" : marker) + " " + (letters == null ? "" : letters)).trim();
        return CrossTabGrid.pct(pct) + (m.isEmpty() ? "" : " " + m);
    }

    /** TSV of the shown items, or "" while new ones are computed. */
    String tsv() {
        return shown.forOutput().map(s -> grid(s.items(), text).tsv()).orElse("");
    }

    /** Writes the shown items to an .xlsx workbook with their provenance; null when nothing may be exported. */
    javafx.concurrent.Task<java.nio.file.Path> exportXlsx(Project p, java.nio.file.Path file, String organization, String author,
                                                          java.util.function.Consumer<java.nio.file.Path> done) {
        Shown s = shown.forOutput().orElse(null);
        if (s == null || p == null) {
            return null;
        }
        String title = s.dataset() + ": " + text.getString("survey.mode.likert");
        var table = SurveyWorkbooks.likert(s.items(), title, SurveyWorkbooks.provenance(p, s.dataset(), s.design(), author));
        return context.tasks().run(text.getString("survey.task.export"), (progress, cancel) -> {
            SurveyWorkbooks.write(table, title, organization, author, file);
            return file;
        }, done);
    }
}
