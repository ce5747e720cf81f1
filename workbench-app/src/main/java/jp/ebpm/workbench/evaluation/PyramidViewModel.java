package jp.ebpm.workbench.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.jfree.chart.JFreeChart;

import jp.ebpm.analysis.evaluation.PopulationStructure;
import jp.ebpm.analysis.evaluation.Pyramid;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.ColumnSummary;
import jp.ebpm.workbench.app.ShownResult;

/**
 * State of the pyramid view: dataset, columns, area and up to two years; the pyramid on screen ({@link ShownResult})
 * and its ratio rows. Columns are preselected by name ({@link Defaults#population}); a project's first obvious
 * population table is offered first, with the first and last year of its year column ({@link #suggestYears}).
 */
final class PyramidViewModel {

    /** What the view shows: the pyramid of a dataset, its title and chart. */
    record Shown(String dataset, String area, String title, List<PopulationStructure> years, JFreeChart chart) {
        Shown {
            years = List.copyOf(years);
        }
    }

    final ObjectProperty<String> dataset = new SimpleObjectProperty<>();
    final ObjectProperty<String> age = new SimpleObjectProperty<>();
    final ObjectProperty<String> sex = new SimpleObjectProperty<>();
    final ObjectProperty<String> value = new SimpleObjectProperty<>();
    final ObjectProperty<String> areaColumn = new SimpleObjectProperty<>();
    final StringProperty area = new SimpleStringProperty("");
    final ObjectProperty<String> yearColumn = new SimpleObjectProperty<>();
    final StringProperty years = new SimpleStringProperty("");
    final ShownResult<Shown> result = new ShownResult<>();
    final ObservableList<PopulationStructure> ratios = FXCollections.observableArrayList();
    private final Function<String, List<ColumnInfo>> columns;

    /** @param columns the columns of a dataset (none for an unknown one) */
    PyramidViewModel(Function<String, List<ColumnInfo>> columns) {
        this.columns = columns;
        dataset.addListener((o, a, d) -> {
            result.clear();
            Defaults.Population p = Defaults.population(columns.apply(d));
            age.set(p.age());
            sex.set(p.sex());
            value.set(p.value());
            areaColumn.set(p.area());
            yearColumn.set(p.year());
            area.set("");
            years.set("");
        });
        result.shown().addListener((o, a, s) -> ratios.setAll(s == null ? List.of() : s.years()));
    }

    /** Keeps the chosen dataset while offered, else chooses the first obvious population table (or none). */
    void suggest(List<String> tables) {
        dataset.set(Defaults.dataset(dataset.get(), tables, columns, Defaults::isPopulationTable));
    }

    /**
     * Fills in the years to overlay (the first and the last) from the summary of a dataset's columns, unless the
     * dataset or year column changed meanwhile or years were typed.
     */
    void suggestYears(String forDataset, List<ColumnSummary> summary) {
        String column = yearColumn.get();
        if (column == null || !forDataset.equals(dataset.get()) || !years.get().isBlank()) {
            return;
        }
        summary.stream().filter(s -> s.name().equals(column)).findFirst()
                .ifPresent(s -> years.set(Defaults.years(s.min(), s.max(), s.distinctCount())));
    }

    /** The chart title of the current choices: "Population pyramid 幸区 2015,2020". */
    String title(String prefix) {
        String a = area.get() == null ? "" : area.get().strip();
        return (prefix + " " + a + " " + years.get().strip()).strip().replaceAll(" +", " ");
    }

    /**
     * The question.
     *
     * @throws IllegalArgumentException naming the first missing choice
     */
    Pyramid.Spec spec() {
        String[][] required = {{"dataset", dataset.get()}, {"age", age.get()}, {"sex", sex.get()}, {"value", value.get()}};
        for (String[] r : required) {
            if (r[1] == null) {
                throw new IllegalArgumentException(r[0]);
            }
        }
        List<String> ys = years.get() == null || years.get().isBlank() ? List.of()
                : Arrays.stream(years.get().split("[,、 ]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String a = area.get() == null || area.get().isBlank() ? null : area.get().strip();
        return new Pyramid.Spec(dataset.get(), age.get(), sex.get(), value.get(), a == null ? null : areaColumn.get(), a,
                ys.isEmpty() ? null : yearColumn.get(), ys);
    }
}
