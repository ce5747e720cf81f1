package jp.ebpm.workbench.evaluation;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import jp.ebpm.analysis.evaluation.DidResult;
import jp.ebpm.analysis.evaluation.PanelSpec;
import jp.ebpm.analysis.stats.regression.RegressionTable;

/** State of the difference-in-differences view: the panel's columns, start, design and the result. */
final class DidViewModel {

    final ObjectProperty<String> dataset = new SimpleObjectProperty<>();
    final ObjectProperty<String> outcome = new SimpleObjectProperty<>();
    final ObjectProperty<String> unit = new SimpleObjectProperty<>();
    final ObjectProperty<String> period = new SimpleObjectProperty<>();
    final ObjectProperty<String> treated = new SimpleObjectProperty<>();
    final StringProperty start = new SimpleStringProperty("");
    final BooleanProperty fixedEffects = new SimpleBooleanProperty(true);
    final ObjectProperty<DidResult> result = new SimpleObjectProperty<>();
    final StringProperty summary = new SimpleStringProperty("");

    DidViewModel() {
        dataset.addListener((o, a, b) -> {
            outcome.set(null);
            unit.set(null);
            period.set(null);
            treated.set(null);
            result.set(null);
        });
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

    /** Shows a result; {@code pattern} formats effect, se, low, high, p, clusters. */
    void accept(DidResult r, String pattern) {
        result.set(r);
        summary.set(String.format(pattern, RegressionTable.format(r.effect()) + RegressionTable.stars(r.p()),
                RegressionTable.format(r.se()), RegressionTable.format(r.ciLow()), RegressionTable.format(r.ciHigh()),
                RegressionTable.format(r.p()), r.clusters()));
    }
}
