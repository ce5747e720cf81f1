package jp.ebpm.analysis.kpi;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fixed columns of a KPI register file, with the header written on export (Japanese) and the headers
 * accepted on import (Japanese and English, case and width insensitive).
 *
 * @since 0.1
 */
public enum KpiColumn {
    /** 指標ID. */
    ID("指標ID", "id", "kpi_id", "kpi id", "番号", "no", "no."),
    /** 施策. */
    MEASURE("施策", "measure", "policy", "施策名"),
    /** 指標名. */
    NAME("指標名", "name", "kpi", "kpi_name", "指標", "成果指標"),
    /** 単位. */
    UNIT("単位", "unit"),
    /** 方向. */
    DIRECTION("方向", "direction", "目標の方向"),
    /** 累計. */
    CUMULATIVE("累計", "cumulative", "累計指標"),
    /** 累計入力. */
    CUMULATIVE_INPUT("累計入力", "cumulative_input", "cumulative input", "実績の形式"),
    /** 基準年度. */
    BASELINE_YEAR("基準年度", "baseline_year", "baseline year", "基準値年度"),
    /** 基準値. */
    BASELINE_VALUE("基準値", "baseline_value", "baseline", "baseline value"),
    /** 目標年度. */
    TARGET_YEAR("目標年度", "target_year", "target year", "目標値年度"),
    /** 目標値. */
    TARGET_VALUE("目標値", "target_value", "target", "target value"),
    /** 指標変更. */
    CHANGED("指標変更", "changed", "kpi_changed", "kpi changed"),
    /** 出典. */
    SOURCE("出典", "source", "data_source", "data source", "データ出典"),
    /** 備考. */
    NOTES("備考", "notes", "note", "remarks");

    private final String header;
    private final List<String> aliases;

    KpiColumn(String header, String... aliases) {
        this.header = header;
        this.aliases = List.of(aliases);
    }

    /** The header written on export. */
    public String header() {
        return header;
    }

    /** Whether a column is required on import (id, fiscal-year columns and the rest are optional). */
    public boolean required() {
        return this == NAME || this == DIRECTION || this == BASELINE_YEAR || this == BASELINE_VALUE
                || this == TARGET_YEAR || this == TARGET_VALUE;
    }

    /** The column a header names, if any. */
    public static Optional<KpiColumn> find(String headerText) {
        String h = normalize(headerText);
        for (KpiColumn c : values()) {
            if (normalize(c.header).equals(h) || c.aliases.stream().anyMatch(a -> normalize(a).equals(h))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static String normalize(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT)
                .replace('-', '_');
    }
}
