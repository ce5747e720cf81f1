package jp.ebpm.analysis.io;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.ebpm.analysis.WorkbenchException;

/**
 * The rule for names that become columns, the same for every reader (CSV and Excel headers, GeoJSON and
 * shapefile attributes): none empty, none repeated (case-insensitively, as SQL sees them). Names are kept
 * exactly as written otherwise, quotes and SQL-looking text included, because every statement quotes them
 * with {@link jp.ebpm.analysis.store.Sql#ident}.
 *
 * @since 0.1
 */
public final class ColumnNames {

    private ColumnNames() {
    }

    /**
     * Checks column names from a table header.
     *
     * @param line  the header's line, or {@code null}
     * @param where extra words after "in the header" (e.g. " rows 3-4"), may be empty
     * @throws WorkbenchException naming file, line and column
     */
    public static void checkHeader(List<String> names, String fileName, Long line, String where) {
        check(names, fileName, line, "Column ", " has no name in the header" + where
                + ". Give every column a name (or import without a header).", "the header" + where, "columns ");
    }

    /**
     * Checks attribute names of a vector layer (GeoJSON properties, .dbf fields).
     *
     * @throws WorkbenchException naming the file and the attribute
     */
    public static void checkAttributes(List<String> names, String fileName) {
        check(names, fileName, null, "Attribute ", " of the features has an empty name. Give every property a name in the"
                + " file.", "the feature properties", "attributes ");
    }

    private static void check(List<String> names, String fileName, Long line, String noun, String emptyText, String place,
                              String plural) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n == null || n.isBlank()) {
                throw new WorkbenchException(noun + (i + 1) + emptyText, fileName, line, String.valueOf(i + 1), null);
            }
            Integer prev = seen.putIfAbsent(n.toLowerCase(Locale.ROOT), i + 1);
            if (prev != null) {
                throw new WorkbenchException("The name \"" + names.get(prev - 1) + "\" appears twice in " + place + " ("
                        + plural + prev + " and " + (i + 1) + "; names are compared ignoring case). Names must be unique.",
                        fileName, line, n, null);
            }
        }
    }
}
