package jp.ebpm.analysis.survey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;

/**
 * The codebook stored with a dataset in its project, so labels, category order and missing codes travel
 * with the data. One JSON document per dataset in the table {@value Catalog#CODEBOOK_TABLE}; saving
 * replaces it in one transaction, dropping the dataset drops it. {@link #problems} checks a codebook
 * before it is saved (duplicate names and codes, missing codes without a value row, unknown columns).
 *
 * @since 0.1
 */
public final class ProjectCodebooks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT_VERSION = 1;

    private ProjectCodebooks() {
    }

    /** The codebook stored with a dataset, or empty when none was saved. */
    public static Optional<Codebook> load(Project project, String dataset) {
        try (Connection c = project.connect();
             PreparedStatement ps = c.prepareStatement("SELECT codebook_json FROM " + Catalog.CODEBOOK_TABLE + " WHERE dataset = ?")) {
            ps.setString(1, dataset);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(fromJson(rs.getString(1), dataset)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new WorkbenchException("Cannot read the codebook of \"" + dataset + "\": " + e.getMessage(), e);
        }
    }

    /**
     * Stores a codebook with a dataset, replacing the one stored before, in one transaction.
     *
     * @throws WorkbenchException when the dataset does not exist or the codebook has {@link #problems}
     */
    public static void save(Project project, String dataset, Codebook codebook) {
        DatasetInfo info = project.catalog().get(dataset);
        List<String> problems = problems(codebook, info.columnNames());
        if (!problems.isEmpty()) {
            throw new WorkbenchException("The codebook of \"" + dataset + "\" cannot be saved: " + String.join("; ", problems));
        }
        String json = toJson(codebook);
        project.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM " + Catalog.CODEBOOK_TABLE + " WHERE dataset = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO " + Catalog.CODEBOOK_TABLE + " VALUES (?, ?, ?)")) {
                del.setString(1, dataset);
                del.executeUpdate();
                ins.setString(1, dataset);
                ins.setString(2, json);
                ins.setTimestamp(3, Timestamp.from(Instant.now()));
                ins.executeUpdate();
            }
            return null;
        });
    }

    /** Removes the codebook stored with a dataset (nothing happens when there is none). */
    public static void remove(Project project, String dataset) {
        project.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM " + Catalog.CODEBOOK_TABLE + " WHERE dataset = ?")) {
                del.setString(1, dataset);
                del.executeUpdate();
            }
            return null;
        });
    }

    /** Drafts a codebook from a dataset's values ({@link CodebookInference}); nothing is stored. */
    public static Codebook infer(Project project, String dataset) {
        project.catalog().get(dataset);
        try (Connection c = project.connect()) {
            return CodebookInference.infer(c, dataset);
        } catch (SQLException e) {
            throw new WorkbenchException("Cannot read \"" + dataset + "\": " + e.getMessage(), e);
        }
    }

    /**
     * What prevents saving a codebook, in plain words naming the variable and code; empty when it can be
     * saved. Checks: every variable has a name, no name twice, no empty or repeated code within a
     * variable, every missing code is one of the variable's values, a {@code multi_binary} set lists its
     * member columns, and (when {@code columns} is not null) every variable other than a
     * {@code multi_binary} set, and every member, is a column of the dataset.
     */
    public static List<String> problems(Codebook codebook, List<String> columns) {
        List<String> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> cols = columns == null ? null : new HashSet<>(columns);
        int position = 0;
        for (Codebook.Variable v : codebook.variables()) {
            position++;
            String name = v.name() == null ? "" : v.name().trim();
            if (name.isEmpty()) {
                out.add("variable " + position + " has no name");
                continue;
            }
            if (!names.add(name)) {
                out.add("the variable " + name + " is listed twice");
            }
            if (v.type() == VariableType.MULTI_BINARY) {
                if (v.members().isEmpty()) {
                    out.add("the multiple-response set " + name + " lists no member columns");
                }
                if (cols != null) {
                    for (String m : v.members()) {
                        if (!cols.contains(m)) {
                            out.add("the member " + m + " of " + name + " is not a column of the dataset");
                        }
                    }
                }
            } else if (cols != null && !cols.contains(name)) {
                out.add("the variable " + name + " is not a column of the dataset");
            }
            Map<String, Integer> seen = new HashMap<>();
            int row = 0;
            for (Codebook.Value val : v.values()) {
                row++;
                String code = val.code() == null ? "" : val.code().trim();
                if (code.isEmpty()) {
                    out.add("the variable " + name + " has a value without a code (value " + row + ")");
                    continue;
                }
                Integer first = seen.putIfAbsent(Category.canonical(code), row);
                if (first != null) {
                    out.add("the variable " + name + " has the code " + code + " twice (values " + first + " and " + row + ")");
                }
            }
            for (String m : v.missingCodes()) {
                if (!seen.containsKey(Category.canonical(m))) {
                    out.add("the missing code " + m + " of " + name + " is not one of its values; add a value row for it");
                }
            }
        }
        return out;
    }

    static String toJson(Codebook cb) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", FORMAT_VERSION);
        ArrayNode vars = root.putArray("variables");
        for (Codebook.Variable v : cb.variables()) {
            ObjectNode o = vars.addObject();
            o.put("name", v.name());
            o.put("question", v.question());
            if (v.questionEn() != null) {
                o.put("question_en", v.questionEn());
            }
            o.put("type", v.type().code());
            ArrayNode values = o.putArray("values");
            for (Codebook.Value val : v.values()) {
                ObjectNode x = values.addObject();
                x.put("code", val.code());
                x.put("label_ja", val.labelJa());
                if (val.labelEn() != null) {
                    x.put("label_en", val.labelEn());
                }
            }
            // missing codes in value order, so the document is stable
            ArrayNode missing = o.putArray("missing");
            Set<String> rest = new LinkedHashSet<>(v.missingCodes());
            for (Codebook.Value val : v.values()) {
                if (rest.remove(val.code())) {
                    missing.add(val.code());
                }
            }
            rest.stream().sorted().forEach(missing::add);
            ArrayNode members = o.putArray("members");
            v.members().forEach(members::add);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Codebook fromJson(String json, String dataset) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root.path("version").asInt(0) > FORMAT_VERSION) {
                throw new WorkbenchException("The codebook of \"" + dataset + "\" was saved by a newer workbench (format "
                        + root.path("version").asInt() + "); update the workbench to read it.");
            }
            List<Codebook.Variable> vars = new ArrayList<>();
            for (JsonNode o : root.path("variables")) {
                List<Codebook.Value> values = new ArrayList<>();
                for (JsonNode x : o.path("values")) {
                    values.add(new Codebook.Value(x.path("code").asText(), x.path("label_ja").asText(""),
                            x.hasNonNull("label_en") ? x.get("label_en").asText() : null));
                }
                Set<String> missing = new LinkedHashSet<>();
                o.path("missing").forEach(m -> missing.add(m.asText()));
                List<String> members = new ArrayList<>();
                o.path("members").forEach(m -> members.add(m.asText()));
                vars.add(new Codebook.Variable(o.path("name").asText(), o.path("question").asText(""),
                        VariableType.parse(o.path("type").asText("single")), values, missing, members,
                        o.hasNonNull("question_en") ? o.get("question_en").asText() : null));
            }
            return new Codebook(vars);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new WorkbenchException("The codebook stored with \"" + dataset + "\" is damaged: " + e.getMessage(), e);
        }
    }
}
