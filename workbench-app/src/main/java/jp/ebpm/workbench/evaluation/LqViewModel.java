package jp.ebpm.workbench.evaluation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import jp.ebpm.analysis.evaluation.LocationQuotient;
import jp.ebpm.analysis.gis.map.MapSpec;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.workbench.app.ShownResult;

/**
 * State of the location-quotient view: table columns, reference, the industry and layer to map; the table and map on
 * screen ({@link ShownResult}: export takes both, none while either is being recomputed). Columns are preselected by
 * name ({@link Defaults#employment}); a project's first obvious employment table is offered first, with its reference
 * row ({@link #suggestReference}) and the first area layer that has the key field.
 */
final class LqViewModel {

    /**
     * What the view shows: the quotients of a dataset and the map of one industry over a layer ({@code map} null when
     * there is no layer or it could not be drawn; then {@code mapError} says why).
     */
    record Shown(String dataset, LocationQuotient.Result result, String industry, String layer, MapSpec map, String mapError) {
    }

    final ObjectProperty<String> dataset = new SimpleObjectProperty<>();
    final ObjectProperty<String> area = new SimpleObjectProperty<>();
    final ObjectProperty<String> industry = new SimpleObjectProperty<>();
    final ObjectProperty<String> value = new SimpleObjectProperty<>();
    final StringProperty referenceArea = new SimpleStringProperty("");
    final ObjectProperty<String> layer = new SimpleObjectProperty<>();
    final StringProperty keyField = new SimpleStringProperty("N03_004");
    final ObjectProperty<String> mapIndustry = new SimpleObjectProperty<>();
    final ObservableList<String> industries = FXCollections.observableArrayList();
    final ShownResult<Shown> result = new ShownResult<>();
    private final Function<String, List<ColumnInfo>> columns;

    /** @param columns the columns of a dataset (none for an unknown one) */
    LqViewModel(Function<String, List<ColumnInfo>> columns) {
        this.columns = columns;
        dataset.addListener((o, a, d) -> {
            result.clear();
            Defaults.Employment e = Defaults.employment(columns.apply(d));
            area.set(e.area());
            industry.set(e.industry());
            value.set(e.value());
            referenceArea.set("");
        });
        result.shown().addListener((o, a, s) -> {
            industries.setAll(s == null ? List.of() : s.result().industries());
            if (s != null && (mapIndustry.get() == null || !industries.contains(mapIndustry.get()))) {
                mapIndustry.set(s.industry());
            }
        });
    }

    /** Keeps the chosen dataset while offered, else chooses the first obvious employment table (or none). */
    void suggest(List<String> tables) {
        dataset.set(Defaults.dataset(dataset.get(), tables, columns, c -> Defaults.employment(c).complete()));
    }

    /** Keeps the chosen layer while offered, else chooses the first area layer with the key field (or none). */
    void suggestLayer(List<String> offered, Map<String, List<ColumnInfo>> areaLayers) {
        if (layer.get() == null || !offered.contains(layer.get())) {
            layer.set(Defaults.layerWith(areaLayers, keyField.get()));
        }
    }

    /** Whether the reference row can be looked up: a dataset with obvious columns and no reference typed yet. */
    boolean wantsReference() {
        return dataset.get() != null && area.get() != null && industry.get() != null && value.get() != null
                && referenceArea.get().isBlank();
    }

    /**
     * Fills in the reference from the dataset's areas (the one named like 全国 or a total), unless the dataset changed
     * meanwhile or a reference was typed.
     */
    void suggestReference(String forDataset, List<String> areas) {
        if (forDataset.equals(dataset.get()) && referenceArea.get().isBlank()) {
            String r = Defaults.referenceArea(areas);
            referenceArea.set(r == null ? "" : r);
        }
    }

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

    /** The industry to map with a new table: the chosen one when the table has it, else its first (null: none). */
    static String industryToMap(LocationQuotient.Result r, String chosen) {
        if (chosen != null && r.industries().contains(chosen)) {
            return chosen;
        }
        return r.industries().isEmpty() ? null : r.industries().get(0);
    }
}
