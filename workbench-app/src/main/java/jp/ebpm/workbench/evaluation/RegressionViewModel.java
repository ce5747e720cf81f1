package jp.ebpm.workbench.evaluation;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import jp.ebpm.analysis.stats.regression.Formula;
import jp.ebpm.analysis.stats.regression.OlsResult;
import jp.ebpm.analysis.stats.regression.Regression;
import jp.ebpm.analysis.stats.regression.RegressionSpec;
import jp.ebpm.analysis.stats.regression.RegressionTable;
import jp.ebpm.analysis.stats.regression.SeType;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * State of the regression view: dataset, outcome, regressors (column names, {@code factor(col)} for categorical
 * ones, {@code a:b} for interactions), the formula they make (editable), weights, the standard-error type and the
 * fitted model with its journal-style rows. FX thread only; the fit itself runs in {@link #fit}, off the FX thread.
 */
final class RegressionViewModel {

    final ObjectProperty<String> dataset = new SimpleObjectProperty<>();
    final ObjectProperty<String> outcome = new SimpleObjectProperty<>();
    final ObservableList<String> regressors = FXCollections.observableArrayList();
    final StringProperty formula = new SimpleStringProperty("");
    final ObjectProperty<String> weight = new SimpleObjectProperty<>();
    final ObjectProperty<SeType> seType = new SimpleObjectProperty<>(SeType.HC1);
    final ObjectProperty<String> cluster = new SimpleObjectProperty<>();
    final BooleanProperty intercept = new SimpleBooleanProperty(true);
    final ObjectProperty<OlsResult> result = new SimpleObjectProperty<>();
    final ObservableList<String[]> rows = FXCollections.observableArrayList();
    final StringProperty notes = new SimpleStringProperty("");

    RegressionViewModel() {
        outcome.addListener((o, a, b) -> rebuildFormula());
        regressors.addListener((ListChangeListener<String>) c -> rebuildFormula());
        dataset.addListener((o, a, b) -> {
            regressors.clear();
            outcome.set(null);
            weight.set(null);
            cluster.set(null);
            result.set(null);
        });
        seType.addListener((o, a, b) -> showRows());
    }

    private void rebuildFormula() {
        String y = outcome.get() == null ? "" : quote(outcome.get());
        formula.set(y + " ~ " + (regressors.isEmpty() ? "1" : String.join(" + ", regressors)));
    }

    /** Back-quotes a name that the formula parser would split. */
    static String quote(String column) {
        return column.matches("[^\\s+\\-:*`()^/|%~]+") ? column : "`" + column + "`";
    }

    /** Adds a column as a regressor (as {@code factor(col)} when asked), once. */
    void addRegressor(String column, boolean factor) {
        String term = factor ? "factor(" + quote(column) + ")" : quote(column);
        if (!regressors.contains(term)) {
            regressors.add(term);
        }
    }

    /** Switches a regressor between numeric and {@code factor(...)}. */
    void toggleFactor(String term) {
        int i = regressors.indexOf(term);
        if (i < 0 || term.contains(":")) {
            return;
        }
        regressors.set(i, term.startsWith("factor(") ? term.substring(7, term.length() - 1) : "factor(" + term + ")");
    }

    /** Adds the interaction of two regressors. */
    void addInteraction(String a, String b) {
        if (a != null && b != null && !a.equals(b) && !regressors.contains(a + ":" + b)) {
            regressors.add(a + ":" + b);
        }
    }

    /**
     * The model to fit.
     *
     * @throws IllegalArgumentException when the dataset, outcome or cluster column is missing or the formula is wrong
     */
    RegressionSpec spec() {
        if (dataset.get() == null) {
            throw new IllegalArgumentException("dataset");
        }
        if (outcome.get() == null && (formula.get() == null || formula.get().startsWith(" ~"))) {
            throw new IllegalArgumentException("outcome");
        }
        RegressionSpec s = new RegressionSpec(dataset.get(), Formula.parse(formula.get()), weight.get(), java.util.Set.of(), null);
        SeType t = seType.get();
        if (t == SeType.CLUSTER) {
            if (cluster.get() == null) {
                throw new IllegalArgumentException("cluster");
            }
            s = s.withCluster(cluster.get());
        } else if (t != SeType.CLASSICAL) {
            s = s.withSe(t);
        }
        return intercept.get() ? s : s.withIntercept(false);
    }

    /** Fits (off the FX thread). */
    static OlsResult fit(Project p, RegressionSpec s, ProgressListener progress, Cancellation cancel) {
        return Regression.fit(p, s, progress, cancel);
    }

    /** Shows a fitted model (FX thread). */
    void accept(OlsResult r) {
        result.set(r);
        showRows();
        notes.set(String.join("\n", r.notes()));
    }

    private void showRows() {
        OlsResult r = result.get();
        List<String[]> out = new ArrayList<>();
        if (r != null) {
            out.addAll(RegressionTable.journal(r, seType.get()));
        }
        rows.setAll(out);
    }

    /** The journal table as tab-separated text for the clipboard. */
    String clipboardText() {
        return result.get() == null ? "" : RegressionTable.journalText(result.get(), seType.get());
    }
}
