package jp.ebpm.analysis.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.kpi.FiscalYear;
import jp.ebpm.analysis.kpi.YearStyle;

/**
 * A report specification (JSON, docs/reports.md): title, organization, author, date, fiscal year, year style,
 * grading file, attributions, disclosure notes and the items in order — {@code kpi} (a register file or a
 * project dataset of kind KPI), {@code table} (a project dataset or a read-only SQL query) and {@code map} (a
 * PNG file). Relative file paths are resolved against the folder of the spec file.
 *
 * @param title           report title
 * @param organization    organization
 * @param author          author / analyst
 * @param date            report date
 * @param fiscalYear      fiscal year of KPI evaluation, or {@code null} for each KPI's latest actual
 * @param yearStyle       fiscal-year display, or {@code null} for the project setting
 * @param grading         grading-table JSON file, or {@code null} for the project's table
 * @param attributions    data attributions
 * @param disclosureNotes disclosure-control notes
 * @param items           the items in order
 * @since 0.1
 */
public record ReportSpec(String title, String organization, String author, LocalDate date, Integer fiscalYear,
                         YearStyle yearStyle, Path grading, List<String> attributions, List<String> disclosureNotes,
                         List<Item> items) {

    /** What an item is. */
    public enum ItemType { KPI, TABLE, CROSSTAB, MAP }

    /**
     * One item.
     *
     * @param type        kpi, table or map
     * @param title       sheet title (tables, maps)
     * @param file        register file (kpi) or PNG file (map), or {@code null}
     * @param dataset     project dataset (kpi, table), or {@code null}
     * @param sql         read-only SQL (table), or {@code null}
     * @param notes       notes under the item
     * @param filters     filters for the provenance
     * @param weights     weights for the provenance
     * @param suppression disclosure-control parameters for the provenance
     * @param options     item options by key: crosstab {@code rows}, {@code cols}, {@code layer}, {@code weight}
     *                    (frequency) or {@code surveyWeight} (sampling), {@code codebook}; map {@code layer},
     *                    {@code value}, {@code classes}, {@code method}, {@code label}
     */
    public record Item(ItemType type, String title, Path file, String dataset, String sql, List<String> notes,
                       String filters, String weights, String suppression, java.util.Map<String, String> options) {

        public Item {
            options = java.util.Map.copyOf(options == null ? java.util.Map.of() : options);
        }

        /** An option, or {@code null}. */
        public String option(String key) {
            return options.get(key);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads a spec file.
     *
     * @throws WorkbenchException naming the spec file and the item when something is missing or wrong
     */
    public static ReportSpec read(Path specFile) {
        String name = specFile.getFileName().toString();
        JsonNode n;
        try {
            n = JSON.readTree(jp.ebpm.analysis.io.TextFile.read(specFile, null).value());
        } catch (JsonProcessingException e) {
            throw new WorkbenchException("Not valid JSON: " + e.getOriginalMessage(), name,
                    e.getLocation() == null ? null : (long) e.getLocation().getLineNr(), null, e);
        }
        if (n == null || !n.isObject()) {
            throw new WorkbenchException("This is not a report spec: a spec is a JSON object (see docs/reports.md).", name,
                    null, null, null);
        }
        Path base = specFile.toAbsolutePath().getParent();
        LocalDate date = null;
        if (n.hasNonNull("date")) {
            try {
                date = LocalDate.parse(n.get("date").asText());
            } catch (DateTimeParseException e) {
                throw new WorkbenchException("\"date\" must be written yyyy-mm-dd: " + n.get("date").asText(), name, null, "date", e);
            }
        }
        Integer fy = null;
        if (n.hasNonNull("fiscalYear")) {
            fy = FiscalYear.tryParse(n.get("fiscalYear").asText()).map(FiscalYear::year).orElseThrow(() ->
                    new WorkbenchException("\"fiscalYear\" is not a fiscal year: " + n.get("fiscalYear").asText(), name, null, "fiscalYear", null));
        }
        YearStyle style = null;
        if (n.hasNonNull("yearStyle")) {
            try {
                style = YearStyle.parse(n.get("yearStyle").asText());
            } catch (IllegalArgumentException e) {
                throw new WorkbenchException(e.getMessage(), name, null, "yearStyle", e);
            }
        }
        List<Item> items = new ArrayList<>();
        JsonNode arr = n.get("items");
        if (arr == null || !arr.isArray() || arr.isEmpty()) {
            throw new WorkbenchException("The spec lists no \"items\".", name, null, "items", null);
        }
        for (int i = 0; i < arr.size(); i++) {
            items.add(item(arr.get(i), i + 1, base, name));
        }
        return new ReportSpec(text(n, "title", "報告書"), text(n, "organization", ""), text(n, "author", ""), date, fy,
                style, n.hasNonNull("grading") ? base.resolve(n.get("grading").asText()) : null,
                strings(n.get("attributions")), strings(n.get("disclosureNotes")), items);
    }

    private static Item item(JsonNode it, int index, Path base, String specName) {
        String where = "items[" + index + "]";
        String type = text(it, "type", "").toLowerCase(Locale.ROOT);
        ItemType t = switch (type) {
            case "kpi" -> ItemType.KPI;
            case "table", "query" -> ItemType.TABLE;
            // A "crosstab" without rows/cols is a ready-made table (dataset or SQL), as in earlier specs.
            case "crosstab" -> it.hasNonNull("rows") || it.hasNonNull("cols") ? ItemType.CROSSTAB : ItemType.TABLE;
            case "map" -> ItemType.MAP;
            default -> throw new WorkbenchException("Item " + index + " has an unknown \"type\" \"" + type
                    + "\": use kpi, table, crosstab or map.", specName, null, where, null);
        };
        Path file = null;
        for (String key : new String[] {"register", "file", "png"}) {
            if (it.hasNonNull(key)) {
                file = base.resolve(it.get(key).asText());
            }
        }
        String dataset = it.hasNonNull("dataset") ? it.get("dataset").asText() : null;
        String sql = it.hasNonNull("sql") ? it.get("sql").asText() : null;
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        for (String key : new String[] {"rows", "cols", "layer", "weight", "surveyWeight", "codebook", "value", "classes",
                "method", "label"}) {
            if (it.hasNonNull(key)) {
                options.put(key, key.equals("codebook") ? base.resolve(it.get(key).asText()).toString() : it.get(key).asText());
            }
        }
        boolean ok = switch (t) {
            case KPI -> file != null || dataset != null;
            case TABLE -> dataset != null || sql != null;
            case CROSSTAB -> dataset != null && options.containsKey("rows") && options.containsKey("cols");
            case MAP -> file != null || (options.containsKey("layer") && options.containsKey("value"));
        };
        if (!ok) {
            throw new WorkbenchException("Item " + index + " (" + type + ") needs " + switch (t) {
                case KPI -> "\"register\" (a file) or \"dataset\"";
                case TABLE -> "\"dataset\" or \"sql\"";
                case CROSSTAB -> "\"dataset\", \"rows\" and \"cols\"";
                case MAP -> "\"png\" (a PNG file) or \"layer\" and \"value\" (a project layer drawn as a choropleth)";
            } + ".", specName, null, where, null);
        }
        // a crosstab without a title is titled by its question texts
        String title = text(it, "title", switch (t) {
            case TABLE -> dataset != null ? dataset : "表" + index;
            case MAP -> "地図" + index;
            case CROSSTAB -> "";
            case KPI -> "KPI";
        });
        return new Item(t, title, file, dataset, sql, strings(it.get("notes")), text(it, "filters", ""),
                text(it, "weights", ""), text(it, "suppression", ""), options);
    }

    private static String text(JsonNode n, String key, String dflt) {
        return n.hasNonNull(key) ? n.get(key).asText() : dflt;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(e -> out.add(e.asText()));
        } else if (n != null && !n.isNull()) {
            out.add(n.asText());
        }
        return out;
    }
}
