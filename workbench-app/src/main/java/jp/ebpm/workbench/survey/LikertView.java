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
import jp.ebpm.analysis.survey.Category;
import jp.ebpm.analysis.survey.Codebook;
import jp.ebpm.analysis.survey.CrossTab;
import jp.ebpm.analysis.survey.CrossTabEngine;
import jp.ebpm.analysis.survey.CrossTabSpec;
import jp.ebpm.analysis.survey.LikertSummary;
import jp.ebpm.analysis.survey.VariableType;
import jp.ebpm.analysis.survey.WeightKind;
import jp.ebpm.workbench.app.AppContext;

/**
 * Likert mode: one or more scale items by a banner variable. Per item the distribution (column % with
 * ▲/▼ and letters), the top-2 and bottom-2 boxes (NET rows with significance letters, from
 * {@link LikertSummary#nets}), the mean score ({@link LikertSummary#of}) and the base. The scale is the
 * item's categories in codebook order (missing codes excluded); the first two are the top box unless
 * "high codes are positive" is ticked.
 */
final class LikertView {

    /** One computed item. */
    record Item(String name, String title, CrossTab table, LikertSummary summary) {
    }

    private final AppContext context;
    private final ResourceBundle text;
    private final ListView<String> items = new ListView<>();
    private final ComboBox<String> banner = new ComboBox<>();
    private final CheckBox highIsTop = new CheckBox();
    private final TableView<List<String>> table = GridTable.create("likertResult");
    private final VBox controls;
    private Codebook codebook = Codebook.empty();

    LikertView(AppContext context, ResourceBundle text) {
        this.context = context;
        this.text = text;
        items.setId("likertItems");
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
        context.tasks().run(text.getString("survey.task.likert"), (progress, cancel) -> {
            List<Item> out = new ArrayList<>();
            for (int k = 0; k < chosen.size(); k++) {
                String item = chosen.get(k);
                cancel.check();
                if (progress != null) {
                    progress.progress(item, k, chosen.size());
                }
                CrossTabSpec spec = new CrossTabSpec(dataset, item, b, null, weight, kind, cb, false, 0.05, List.of());
                CrossTab plain = CrossTabEngine.run(p, spec, null, cancel).overall();
                List<String> scale = plain.rows().stream().map(Category::code).toList();
                CrossTab t = plain;
                if (scale.size() >= 4) {
                    List<CrossTabSpec.Net> nets = new ArrayList<>();
                    List<CrossTabSpec.Net> boxes = LikertSummary.nets(scale, high);
                    nets.add(new CrossTabSpec.Net(text.getString("survey.likert.top2"), boxes.get(0).codes()));
                    nets.add(new CrossTabSpec.Net(text.getString("survey.likert.bottom2"), boxes.get(1).codes()));
                    t = CrossTabEngine.run(p, spec.withOptions(false, 0.05, nets), null, cancel).overall();
                }
                String q = cb.variable(item).map(Codebook.Variable::question).filter(x -> !x.isBlank()).orElse(null);
                out.add(new Item(item, q == null ? item : item + "  " + q, t, LikertSummary.of(t, high)));
            }
            return out;
        }, list -> GridTable.show(table, grid(list, text)));
    }

    /** The grid of computed items, one block per item. */
    static CrossTabGrid.Grid grid(List<Item> list, ResourceBundle text) {
        List<String> h = new ArrayList<>();
        h.add(text.getString("survey.likert.item"));
        CrossTab first = list.isEmpty() ? null : list.get(0).table();
        int nc = first == null ? 0 : first.cols().size();
        for (int j = 0; j < nc; j++) {
            h.add(first.cols().get(j).label() + " (" + first.colLetters().get(j) + ")");
        }
        List<CrossTabGrid.Row> rows = new ArrayList<>();
        for (Item it : list) {
            CrossTab t = it.table();
            List<String> title = CrossTabGrid.blank(nc + 1);
            title.set(0, it.title());
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

    /** TSV of the shown table, or "". */
    String tsv() {
        CrossTabGrid.Grid g = GridTable.grid(table);
        return g == null ? "" : g.tsv();
    }
}
