package jp.ebpm.workbench.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jp.ebpm.analysis.gis.Layers;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;

/** What the evaluation views offer in their choosers: datasets, their (numeric) columns, map layers. */
final class DatasetColumns {

    private static final Set<String> NUMERIC = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "FLOAT", "DOUBLE",
            "REAL", "DECIMAL", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT");

    private DatasetColumns() {
    }

    /** Tabular datasets (not map layers, not private data), by name. */
    static List<String> tables(Project p) {
        return p.catalog().list().stream().filter(i -> !Layers.isLayer(i) && i.sensitivity() != Sensitivity.PRIVATE)
                .map(DatasetInfo::name).sorted().toList();
    }

    /** Map layers. */
    static List<String> layers(Project p) {
        return p.catalog().list().stream().filter(Layers::isLayer).map(DatasetInfo::name).sorted().toList();
    }

    /** Area (boundary) layers, by name. */
    static List<String> areaLayers(Project p) {
        return p.catalog().list().stream().filter(i -> Layers.isLayer(i) && i.kind() == DatasetKind.BOUNDARY).map(DatasetInfo::name)
                .sorted().toList();
    }

    /** The columns of a dataset with their types; none when there is no such dataset (or no project). */
    static List<ColumnInfo> infos(Project p, String dataset) {
        if (p == null || dataset == null || !p.catalog().find(dataset).isPresent()) {
            return List.of();
        }
        return p.catalog().get(dataset).columns();
    }

    static List<String> columns(Project p, String dataset) {
        return infos(p, dataset).stream().map(ColumnInfo::name).toList();
    }

    static List<String> numeric(Project p, String dataset) {
        return infos(p, dataset).stream().filter(DatasetColumns::isNumeric).map(ColumnInfo::name).toList();
    }

    static boolean isNumeric(ColumnInfo c) {
        String t = c.type().toUpperCase(Locale.ROOT);
        int paren = t.indexOf('(');
        return NUMERIC.contains(paren > 0 ? t.substring(0, paren) : t);
    }
}
