package jp.ebpm.workbench.evaluation;

import java.util.Arrays;
import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import jp.ebpm.analysis.evaluation.PopulationStructure;
import jp.ebpm.analysis.evaluation.Pyramid;

/** State of the pyramid view: dataset, columns, area and up to two years; the result and its ratio rows. */
final class PyramidViewModel {

    final ObjectProperty<String> dataset = new SimpleObjectProperty<>();
    final ObjectProperty<String> age = new SimpleObjectProperty<>();
    final ObjectProperty<String> sex = new SimpleObjectProperty<>();
    final ObjectProperty<String> value = new SimpleObjectProperty<>();
    final ObjectProperty<String> areaColumn = new SimpleObjectProperty<>();
    final StringProperty area = new SimpleStringProperty("");
    final ObjectProperty<String> yearColumn = new SimpleObjectProperty<>();
    final StringProperty years = new SimpleStringProperty("");
    final ObjectProperty<List<PopulationStructure>> result = new SimpleObjectProperty<>();
    final ObservableList<PopulationStructure> ratios = FXCollections.observableArrayList();

    /** Picks likely columns by name (age, sex, population, ward/area, year). */
    void guess(List<String> columns) {
        age.set(find(columns, "age", "年齢"));
        sex.set(find(columns, "sex", "性別", "男女"));
        value.set(find(columns, "population", "pop", "人口", "人数"));
        areaColumn.set(find(columns, "ward", "area", "区", "地域"));
        yearColumn.set(find(columns, "year", "年次", "年"));
    }

    private static String find(List<String> columns, String... hints) {
        for (String h : hints) {
            for (String c : columns) {
                if (c.toLowerCase(java.util.Locale.ROOT).contains(h)) {
                    return c;
                }
            }
        }
        return null;
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

    void accept(List<PopulationStructure> r) {
        result.set(r);
        ratios.setAll(r);
    }
}
