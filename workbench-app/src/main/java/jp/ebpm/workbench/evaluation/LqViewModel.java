package jp.ebpm.workbench.evaluation;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import jp.ebpm.analysis.evaluation.LocationQuotient;
import jp.ebpm.analysis.gis.map.MapSpec;

/** State of the location-quotient view: table columns, reference, the industry and layer to map; the results. */
final class LqViewModel {

    final ObjectProperty<String> dataset = new SimpleObjectProperty<>();
    final ObjectProperty<String> area = new SimpleObjectProperty<>();
    final ObjectProperty<String> industry = new SimpleObjectProperty<>();
    final ObjectProperty<String> value = new SimpleObjectProperty<>();
    final StringProperty referenceArea = new SimpleStringProperty("");
    final ObjectProperty<String> layer = new SimpleObjectProperty<>();
    final StringProperty keyField = new SimpleStringProperty("N03_004");
    final ObjectProperty<String> mapIndustry = new SimpleObjectProperty<>();
    final ObservableList<String> industries = FXCollections.observableArrayList();
    final ObjectProperty<LocationQuotient.Result> result = new SimpleObjectProperty<>();
    final ObjectProperty<MapSpec> map = new SimpleObjectProperty<>();

    /**
     * The question.
     *
     * @throws IllegalArgumentException naming the first missing choice
     */
    LocationQuotient.Spec spec() {
        String[][] required = {{"dataset", dataset.get()}, {"area", area.get()}, {"industry", industry.get()}, {"value", value.get()}};
        for (String[] r : required) {
            if (r[1] == null) {
                throw new IllegalArgumentException(r[0]);
            }
        }
        String ref = referenceArea.get() == null || referenceArea.get().isBlank() ? null : referenceArea.get().strip();
        return new LocationQuotient.Spec(dataset.get(), area.get(), industry.get(), value.get(), ref, null);
    }

    void accept(LocationQuotient.Result r) {
        result.set(r);
        industries.setAll(r.industries());
        if (mapIndustry.get() == null || !r.industries().contains(mapIndustry.get())) {
            mapIndustry.set(r.industries().get(0));
        }
    }
}
