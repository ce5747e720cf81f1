package jp.ebpm.workbench.evaluation;

import java.util.List;
import java.util.function.Function;

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
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import jp.ebpm.workbench.app.ShownResult;

/**
 * State of the regression view: dataset, outcome, regressors (column names, {@code factor(col)} for categorical
 * ones, {@code a:b} for interactions), the formula they make (editable), weights, the standard-error type and the
 * fitted model on screen ({@link ShownResult}: copy and export take it, none while a new model is fitted) with its
 * journal-style rows. On a panel whose column names make outcome, area, period and treatment obvious
 * ({@link Defaults#panel}) the model is preset to the two-way fixed-effects regression with standard errors clustered
 * by area. FX thread only; the fit itself runs in {@link #fit}, off the FX thread.
 */
final class RegressionViewModel {

    /** A fitted model and the standard errors it shows. */
    record Fit(OlsResult result, SeType se) {
    }

    final ObjectProperty<String> dataset = new SimpleObjectProperty<>();
    final ObjectProperty<String> outcome = new SimpleObjectProperty<>();
    final ObservableList<String> regressors = FXCollections.observableArrayList();
    final StringProperty formula = new SimpleStringProperty("");
    final ObjectProperty<String> weight = new SimpleObjectProperty<>();
    final ObjectProperty<SeType> seType = new SimpleObjectProperty<>(SeType.HC1);
    final ObjectProperty<String> cluster = new SimpleObjectProperty<>();
    final BooleanProperty intercept = new SimpleBooleanProperty(true);
    final ShownResult<Fit> result = new ShownResult<>();
    final ObservableList<String[]> rows = FXCollections.observableArrayList();
    final StringProperty notes = new SimpleStringProperty("");
    private final Function<String, List<ColumnInfo>> columns;

    /** @param columns the columns of a dataset (none for an unknown one) */
    RegressionViewModel(Function<String, List<ColumnInfo>> columns) {
        this.columns = columns;
        outcome.addListener((o, a, b) -> rebuildFormula());
        regressors.addListener((ListChangeListener<String>) c -> rebuildFormula());
        dataset.addListener((o, a, d) -> {
            regressors.clear();
            outcome.set(null);
            weight.set(null);
            cluster.set(null);
            result.clear();
            guess(columns.apply(d));
        });
        result.shown().addListener((o, a, f) -> {
            rows.setAll(f == null ? List.of() : RegressionTable.journal(f.result(), f.se()));
            notes.set(f == null ? "" : String.join("\n", f.result().notes()));
        });
    }

    /** Preselects the outcome, and on an obvious panel the two-way fixed-effects model clustered by area. */
    private void guess(List<ColumnInfo> cols) {
        Defaults.Panel panel = Defaults.panel(cols);
        outcome.set(panel.outcome());
        if (panel.complete()) {
            addRegressor(panel.treated(), false);
            addRegressor(panel.unit(), true);
            addRegressor(panel.period(), true);
            cluster.set(panel.unit());
            seType.set(SeType.CLUSTER);
        }
    }

    /** Keeps the chosen dataset while offered, else chooses the first obvious panel (or none). */
    void suggest(List<String> tables) {
        dataset.set(Defaults.dataset(dataset.get(), tables, columns, c -> Defaults.panel(c).complete()));
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

    /** Fits (off the FX thread); the table will show the standard errors of {@code se}. */
    static Fit fit(Project p, RegressionSpec s, SeType se, ProgressListener progress, Cancellation cancel) {
        return new Fit(Regression.fit(p, s, progress, cancel), se);
    }

    /** The journal table on screen as tab-separated text for the clipboard; "" while a new model is fitted. */
    String clipboardText() {
        return result.forOutput().map(f -> RegressionTable.journalText(f.result(), f.se())).orElse("");
    }

    /** The dependent variable of a fitted model (the column title of the journal table). */
    static String dependent(OlsResult r) {
        int tilde = r.formula().indexOf('~');
        return (tilde < 0 ? r.formula() : r.formula().substring(0, tilde)).strip().replace("`", "");
    }
}
