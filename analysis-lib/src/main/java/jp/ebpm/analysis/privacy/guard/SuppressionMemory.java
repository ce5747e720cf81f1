package jp.ebpm.analysis.privacy.guard;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Catalog;

/**
 * Remembers, per dataset and grouping, which cells were suppressed in outputs already released, in the
 * project settings ({@code privacy.suppressed.<dataset>|<grouping>}: a JSON list of {@code row<TAB>col}
 * keys; area and time keys only, no private values). The remembered pattern only grows, so every later
 * table of the same grouping hides at least the cells hidden before.
 */
public final class SuppressionMemory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Catalog catalog;

    public SuppressionMemory(Catalog catalog) {
        this.catalog = catalog;
    }

    static String key(String dataset, String grouping) {
        return "privacy.suppressed." + dataset + "|" + grouping;
    }

    /** The cells hidden in earlier releases. */
    public Set<String> hidden(String dataset, String grouping) {
        return catalog.setting(key(dataset, grouping)).map(SuppressionMemory::parse).orElseGet(LinkedHashSet::new);
    }

    /** Adds the suppressed cells of a released table. */
    public void remember(String dataset, String grouping, ProtectedTable table) {
        Set<String> all = hidden(dataset, grouping);
        all.addAll(table.suppressedKeys());
        try {
            catalog.putSetting(key(dataset, grouping), JSON.writeValueAsString(List.copyOf(all)));
        } catch (JsonProcessingException e) {
            throw new WorkbenchException("Cannot store the suppression pattern.", e);
        }
    }

    private static Set<String> parse(String json) {
        try {
            return new LinkedHashSet<>(JSON.readValue(json, new TypeReference<List<String>>() { }));
        } catch (JsonProcessingException e) {
            throw new WorkbenchException("The stored suppression pattern is damaged.", e);
        }
    }
}
