package jp.ebpm.workbench.evaluation;

import java.util.List;
import java.util.function.Function;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.jfree.chart.JFreeChart;

import jp.ebpm.analysis.evaluation.DidResult;
import jp.ebpm.analysis.evaluation.PanelSpec;
import jp.ebpm.analysis.stats.regression.RegressionTable;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.workbench.app.ShownResult;

/**
 * State of the difference-in-differences view: the panel's columns, start, design and the estimate on screen
 * ({@link ShownResult}: export takes it, none while a new one is estimated). Columns whose names make their role
 * obvious are preselected ({@link Defaults#panel}), and a project's first obvious panel is offered first.
 */
final class DidViewModel {

    /** What the view shows: the estimate of a dataset and its pre-trend chart. */
    record Shown(String dataset, DidResult result, JFreeChart chart) {
    }

    final ObjectProperty<String> dataset = new SimpleObjectProperty<>();
    final ObjectProperty<String> outcome = new SimpleObjectProperty<>();
    final ObjectProperty<String> unit = new SimpleObjectProperty<>();
    final ObjectProperty<String> period = new SimpleObjectProperty<>();
    final ObjectProperty<String> treated = new SimpleObjectProperty<>();
    final StringProperty start = new SimpleStringProperty("");
    final BooleanProperty fixedEffects = new SimpleBooleanProperty(true);
    final ShownResult<Shown> result = new ShownResult<>();
    final StringProperty summary = new SimpleStringProperty("");
    private final Function<String, List<ColumnInfo>> columns;

    /**
     * @param columns the columns of a dataset (none for an unknown one)
     * @param summaryPattern formats effect, se, low, high, p, clusters of the shown estimate
     */
    DidViewModel(Function<String, List<ColumnInfo>> columns, String summaryPattern) {
        this.columns = columns;
        dataset.addListener((o, a, d) -> {
            result.clear();
            Defaults.Panel p = Defaults.panel(columns.apply(d));
            outcome.set(p.outcome());
            unit.set(p.unit());
            period.set(p.period());
            treated.set(p.treated());
        });
        result.shown().addListener((o, a, s) -> summary.set(s == null ? "" : summary(s.result(), summaryPattern)));
    }

    /** Keeps the chosen dataset while offered, else chooses the first obvious panel (or none). */
    void suggest(List<String> tables) {
        dataset.set(Defaults.dataset(dataset.get(), tables, columns, c -> Defaults.panel(c).complete()));
    }

    /**
     * The question.
     *
     * @throws IllegalArgumentException naming the first missing choice (dataset, outcome, unit, period, treated)
     */
    PanelSpec spec() {
        String[][] required = {{"dataset", dataset.get()}, {"outcome", outcome.get()}, {"unit", unit.get()},
            {"period", period.get()}, {"treated", treated.get()}};
        for (String[] r : required) {
            if (r[1] == null) {
                throw new IllegalArgumentException(r[0]);
            }
        }
        String s = start.get() == null || start.get().isBlank() ? null : start.get().strip();
        PanelSpec p = PanelSpec.of(dataset.get(), outcome.get(), unit.get(), period.get(), treated.get(), s);
        return fixedEffects.get() ? p.withFixedEffects() : p;
    }

    /** The one-line summary of an estimate; {@code pattern} formats effect, se, low, high, p, clusters. */
    static String summary(DidResult r, String pattern) {
        return String.format(pattern, RegressionTable.format(r.effect()) + RegressionTable.stars(r.p()),
                RegressionTable.format(r.se()), RegressionTable.format(r.ciLow()), RegressionTable.format(r.ciHigh()),
                RegressionTable.format(r.p()), r.clusters());
    }
}
