package jp.ebpm.analysis.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.ebpm.analysis.WorkbenchException;

/**
 * Decides whether a text of user SQL may run: DuckDB's own parser ({@code json_serialize_sql}) must
 * accept it as exactly one SELECT statement, and every node of the parsed tree must pass an allow-list
 * (see ADR-0005):
 * <ul>
 * <li>a table reference names a dataset of the catalog that is not private, or a {@code WITH} query of
 *     the same text; internal tables ({@code _wb_*}), system views, other schemas or databases and file
 *     paths ({@code FROM 'x.csv'}) are refused;</li>
 * <li>a table function is one of {@link #TABLE_FUNCTIONS} (no file readers, no {@code query_table}, no
 *     metadata functions);</li>
 * <li>a scalar function that DuckDB itself marks as having side effects ({@code duckdb_functions()
 *     .has_side_effects}, e.g. {@code nextval}) is refused, except the random-value generators in
 *     {@link #HARMLESS_SIDE_EFFECTS};</li>
 * <li>a {@code WITH} name may not be the name of an existing table or view the user cannot read, nor
 *     look like a file, so that a reference outside the query's scope can never reach one;</li>
 * <li>a table reference kind the list does not know is refused.</li>
 * </ul>
 * Not thread-safe; one instance per check.
 */
final class QueryPolicy {

    /** Table functions user SQL may call: they compute values and touch neither files nor the catalog. */
    static final Set<String> TABLE_FUNCTIONS = Set.of("range", "generate_series", "unnest");
    /** Functions DuckDB marks as having side effects whose only effect is a new random value, or an error. */
    static final Set<String> HARMLESS_SIDE_EFFECTS = Set.of("random", "gen_random_uuid", "uuid", "uuidv4", "uuidv7",
            "error");
    private static final Set<String> PASSIVE_TABLE_REFS = Set.of("SUBQUERY", "JOIN", "EXPRESSION_LIST", "EMPTY", "PIVOT");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, DatasetInfo> datasets = new TreeMap<>();
    private final Set<String> sideEffectFunctions;
    private final Set<String> relations;
    private final Set<String> cteNames = new LinkedHashSet<>();
    private final Set<String> referenced = new LinkedHashSet<>();

    private QueryPolicy(List<DatasetInfo> catalog, Set<String> sideEffectFunctions, Set<String> relations) {
        for (DatasetInfo d : catalog) {
            datasets.put(fold(d.name()), d);
        }
        this.sideEffectFunctions = sideEffectFunctions;
        this.relations = relations;
    }

    /**
     * Checks a text of user SQL.
     *
     * @param c       a connection used only to parse the text and read DuckDB's function list
     * @param catalog the project's datasets
     * @return the datasets the query reads, in order of first mention
     * @throws WorkbenchException naming what is not allowed
     */
    static List<DatasetInfo> check(Connection c, String sql, List<DatasetInfo> catalog) throws SQLException {
        JsonNode tree = parse(c, sql);
        QueryPolicy p = new QueryPolicy(catalog, sideEffectFunctions(c), relations(c));
        JsonNode statements = tree.path("statements");
        if (statements.size() != 1) {
            throw new WorkbenchException("Only one query can be run at a time; this text holds " + statements.size()
                    + " statements.");
        }
        p.collectCtes(statements);
        p.walk(statements);
        return p.referenced.stream().map(p.datasets::get).toList();
    }

    private static JsonNode parse(Connection c, String sql) throws SQLException {
        String json;
        try (PreparedStatement ps = c.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)")) {
            ps.setString(1, sql);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                json = rs.getString(1);
            }
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new WorkbenchException("The query could not be checked.", e);
        }
        if (tree.path("error").asBoolean(false)) {
            String msg = tree.path("error_message").asText("");
            if (msg.startsWith("Only SELECT statements")) {
                throw new WorkbenchException("Refused: only queries that read data can run here (SELECT, WITH … SELECT,"
                        + " VALUES, DESCRIBE, SUMMARIZE). This text holds a statement that would change the project"
                        + " or run a command (e.g. INSERT, DELETE, CREATE, COPY, ATTACH, SET, PRAGMA, EXPLAIN).");
            }
            throw new WorkbenchException("The query is not valid SQL: " + msg);
        }
        return tree;
    }

    private static Set<String> sideEffectFunctions(Connection c) throws SQLException {
        Set<String> out = names(c, "SELECT DISTINCT function_name FROM duckdb_functions() WHERE has_side_effects");
        out.removeAll(HARMLESS_SIDE_EFFECTS);
        // sequences are never allowed, whatever a DuckDB version reports for them
        out.addAll(Set.of("nextval", "currval", "setval"));
        return out;
    }

    /** Every table and view name of every database and schema (including DuckDB's internal views). */
    private static Set<String> relations(Connection c) throws SQLException {
        return names(c, "SELECT table_name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views()");
    }

    private static Set<String> names(Connection c, String sql) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(fold(rs.getString(1)));
            }
        }
        return out;
    }

    private void collectCtes(JsonNode n) {
        if (n.isArray()) {
            n.forEach(this::collectCtes);
            return;
        }
        if (!n.isObject()) {
            return;
        }
        for (JsonNode entry : n.path("cte_map").path("map")) {
            String name = entry.path("key").asText("");
            String f = fold(name);
            boolean readable = datasets.containsKey(f) && datasets.get(f).sensitivity() != Sensitivity.PRIVATE;
            if (looksLikeFile(name) || f.startsWith(Catalog.RESERVED_PREFIX)
                    || (!readable && (relations.contains(f) || datasets.containsKey(f)))) {
                throw new WorkbenchException("Refused: the WITH query name \"" + name + "\" is reserved or names"
                        + " something the query may not read. Choose another name.");
            }
            cteNames.add(f);
        }
        n.forEach(this::collectCtes);
    }

    private void walk(JsonNode n) {
        if (n.isArray()) {
            n.forEach(this::walk);
            return;
        }
        if (!n.isObject()) {
            return;
        }
        if (isTableRef(n)) {
            checkTableRef(n);
        }
        if (n.has("function_name")) {
            checkFunction(n.path("function_name").asText(""), false);
        }
        for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
            walk(it.next());
        }
    }

    /** A table reference of DuckDB's serialised tree: a node with a text type and a sample, but no expression class. */
    private static boolean isTableRef(JsonNode n) {
        return n.path("type").isTextual() && n.has("sample") && !n.has("class") && !n.has("modifiers");
    }

    private void checkTableRef(JsonNode n) {
        String type = n.path("type").asText();
        switch (type) {
            case "BASE_TABLE" -> checkTable(n);
            case "TABLE_FUNCTION" -> checkFunction(n.path("function").path("function_name").asText(""), true);
            case "SHOW_REF" -> {
                if (n.path("query").isNull() || n.path("query").isMissingNode()) {
                    throw new WorkbenchException("Refused: SHOW lists internal objects of the project. Use the catalog"
                            + " (workbench catalog) to list datasets, or DESCRIBE a dataset.");
                }
            }
            default -> {
                if (!PASSIVE_TABLE_REFS.contains(type)) {
                    throw new WorkbenchException("Refused: the query uses a kind of table reference (" + type
                            + ") that is not allowed here.");
                }
            }
        }
    }

    private void checkTable(JsonNode n) {
        String name = n.path("table_name").asText("");
        String schema = n.path("schema_name").asText("");
        String catalogName = n.path("catalog_name").asText("");
        String f = fold(name);
        if (!catalogName.isEmpty() || !(schema.isEmpty() || fold(schema).equals("main"))) {
            throw new WorkbenchException("Refused: \"" + qualified(catalogName, schema, name) + "\" is outside the"
                    + " project's datasets; write the dataset name alone.");
        }
        if (cteNames.contains(f)) {
            return;
        }
        DatasetInfo d = datasets.get(f);
        // A dataset whose table is missing would make DuckDB look for a file of that name instead.
        if (d != null && (!looksLikeFile(name) || relations.contains(f))) {
            if (d.sensitivity() == Sensitivity.PRIVATE) {
                throw new WorkbenchException("Refused: \"" + d.name() + "\" holds private data, which SQL cannot read."
                        + " Use an aggregate with at least k distinct persons per row (e.g. workbench location aggregate).");
            }
            referenced.add(f);
            return;
        }
        if (looksLikeFile(name)) {
            throw new WorkbenchException("Refused: queries cannot read files (\"" + name + "\"). Import the file as a"
                    + " dataset first (workbench import).");
        }
        if (f.startsWith(Catalog.RESERVED_PREFIX)) {
            throw new WorkbenchException("Refused: \"" + name + "\" is internal to the workbench and cannot be queried.");
        }
        if (relations.contains(f)) {
            throw new WorkbenchException("Refused: \"" + name + "\" is not a dataset of this project's catalog.");
        }
        throw new WorkbenchException("No dataset named \"" + name + "\" in this project. Run 'workbench catalog'"
                + " to list them.");
    }

    private void checkFunction(String name, boolean table) {
        String f = fold(name);
        if (table && !TABLE_FUNCTIONS.contains(f)) {
            throw new WorkbenchException("Refused: the table function " + name + "() is not available in queries"
                    + " (no file access, no internal tables). Allowed: " + String.join(", ", new java.util.TreeSet<>(TABLE_FUNCTIONS)) + ".");
        }
        if (sideEffectFunctions.contains(f)) {
            throw new WorkbenchException("Refused: the function " + name + "() changes state and is not available in queries.");
        }
    }

    /** Whether a name would make DuckDB read a file (a replacement scan such as {@code FROM 'data.csv'}). */
    private static boolean looksLikeFile(String name) {
        return name.indexOf('.') >= 0 || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.indexOf(':') >= 0;
    }

    private static String qualified(String catalog, String schema, String name) {
        StringBuilder sb = new StringBuilder();
        if (!catalog.isEmpty()) {
            sb.append(catalog).append('.');
        }
        if (!schema.isEmpty()) {
            sb.append(schema).append('.');
        }
        return sb.append(name).toString();
    }

    /** DuckDB compares identifiers case-insensitively by ASCII letters only; so does this check. */
    static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            sb.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
        }
        return sb.toString();
    }
}
