package jp.ebpm.analysis.privacy.guard;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Catalog;

/**
 * The linked set of a private dataset: every grouping ever released from it (shown, exported or mapped) and
 * which of its cells were published. Kept in the project settings next to the {@link SuppressionMemory}, as
 * {@code privacy.linked.<dataset>}: a JSON object with a {@code version} counter (raised whenever the set grows)
 * and one entry per grouping with its {@code descriptor} (how to recompute its cells: operation, areas, time
 * band; area layers by the SHA-256 of their geometry) and {@code published}: row key → column keys of the
 * non-empty cells released with numbers. Area and time keys only, no private values. Entries only grow.
 */
public final class LinkedReleases {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Catalog catalog;

    public LinkedReleases(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * One released grouping.
     *
     * @param key        identifies the grouping (and the geometry of its areas)
     * @param descriptor what is needed to recompute its cells
     * @param published  keys {@code row<TAB>col} of the non-empty cells published by some release
     */
    public record Entry(String key, Map<String, String> descriptor, Set<String> published) {
    }

    /** The linked set of a dataset: its version and entries. */
    public record State(long version, List<Entry> entries) {
        /** The entry of a grouping, if released. */
        public java.util.Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }
    }

    static String settingKey(String dataset) {
        return "privacy.linked." + dataset;
    }

    /** The releases recorded for a dataset (version 0 and no entries when none). */
    public State state(String dataset) {
        return catalog.setting(settingKey(dataset)).map(LinkedReleases::parse).orElseGet(() -> new State(0, List.of()));
    }

    /**
     * Records a release: adds the published cells to the grouping's entry (creating it). The version grows only
     * when something new was published.
     *
     * @param published keys {@code row<TAB>col} of the non-empty cells the release shows with numbers
     * @return whether the linked set changed
     */
    public boolean record(String dataset, String key, Map<String, String> descriptor, Set<String> published) {
        State s = state(dataset);
        List<Entry> entries = new ArrayList<>(s.entries());
        int at = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).key().equals(key)) {
                at = i;
            }
        }
        Set<String> merged = new LinkedHashSet<>(at >= 0 ? entries.get(at).published() : Set.of());
        boolean changed = merged.addAll(published) || at < 0;
        if (!changed) {
            return false;
        }
        Entry e = new Entry(key, new TreeMap<>(descriptor), merged);
        if (at >= 0) {
            entries.set(at, e);
        } else {
            entries.add(e);
        }
        catalog.putSetting(settingKey(dataset), write(new State(s.version() + 1, entries)));
        return true;
    }

    private static String write(State s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", s.version());
        ArrayNode arr = root.putArray("groupings");
        for (Entry e : s.entries()) {
            ObjectNode o = arr.addObject();
            o.put("key", e.key());
            ObjectNode d = o.putObject("descriptor");
            e.descriptor().forEach(d::put);
            Map<String, Set<String>> byRow = new TreeMap<>();
            for (String k : e.published()) {
                int tab = k.indexOf('\t');
                byRow.computeIfAbsent(k.substring(0, tab), x -> new TreeSet<>()).add(k.substring(tab + 1));
            }
            ObjectNode pub = o.putObject("published");
            byRow.forEach((row, cols) -> {
                ArrayNode a = pub.putArray(row);
                cols.forEach(a::add);
            });
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException ex) {
            throw new WorkbenchException("Cannot store the record of released tables.", ex);
        }
    }

    private static State parse(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            List<Entry> entries = new ArrayList<>();
            for (JsonNode o : root.path("groupings")) {
                Map<String, String> d = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = o.path("descriptor").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    d.put(f.getKey(), f.getValue().asText());
                }
                Set<String> pub = new LinkedHashSet<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = o.path("published").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    for (JsonNode col : f.getValue()) {
                        pub.add(f.getKey() + "\t" + col.asText());
                    }
                }
                String key = o.path("key").asText(null);
                if (key == null) {
                    throw new WorkbenchException("The record of released tables is damaged (an entry has no key).");
                }
                entries.add(new Entry(key, d, pub));
            }
            return new State(root.path("version").asLong(), entries);
        } catch (JsonProcessingException e) {
            throw new WorkbenchException("The record of released tables is damaged.", e);
        }
    }
}
