package jp.ebpm.analysis.store;

import java.util.SortedMap;

/**
 * Seals the protected project settings (keys starting with {@value Catalog#PROTECTED_PREFIX}: the
 * disclosure threshold, the suppression memory, the audit log's head). Every write of a protected setting
 * runs in one transaction that also stores a new generation and the seal's MAC of all protected settings
 * ({@value Catalog#SEAL_KEY} = {@code generation:mac}). The privacy layer registers its seal with
 * {@link Project#useSettingsSeal} while private data is unlocked; without one, protected settings cannot
 * be written, and a change made outside the workbench no longer matches the MAC.
 *
 * @since 0.2
 */
public interface SettingsSeal {

    /**
     * The MAC of the protected settings at a generation.
     *
     * @param settings   every protected setting except the seal itself, sorted by key
     * @param generation the generation being written (1 for the first seal, then +1 per write)
     */
    String mac(SortedMap<String, String> settings, long generation);

    /**
     * Called after a generation was committed to the project database (e.g. to record it outside the
     * database as well). Runs while the catalog holds its lock for protected writes.
     */
    void committed(long generation, String mac, SortedMap<String, String> settings);
}
