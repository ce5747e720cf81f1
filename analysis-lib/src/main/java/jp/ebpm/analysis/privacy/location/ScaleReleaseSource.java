package jp.ebpm.analysis.privacy.location;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.privacy.guard.LinkedReleases;
import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.DatasetInfo;

/**
 * One import per pings source releases tables. Two imports of the same pings (the same input listing of the job,
 * {@link ScaleAggregateImporter#SOURCE}: e.g. the same job run imported twice, or a ward run and a mesh run) count the
 * same people, but their cells cannot be linked without the pings (a ward and a 1 km mesh cut each other in ways the
 * imports do not hold). Rather than check them separately, which would let one import's tables be subtracted from the
 * other's, the first import from which a table is released owns the source: releases from any other import of the
 * same pings are refused. The owner is kept in the sealed project settings ({@code privacy.scale.released.<source>})
 * and outlives the import (deleting and re-importing does not free the source).
 */
final class ScaleReleaseSource {

    static final String PREFIX = "privacy.scale.released.";

    private ScaleReleaseSource() {
    }

    /** Refuses a release from {@code info} when another import of the same pings has released tables. */
    static void require(Catalog catalog, DatasetInfo info) {
        String owner = owner(catalog, info);
        if (owner != null && !owner.equals(info.name())) {
            throw new WorkbenchException("Tables of the same pings (the same job input) were already released from the"
                    + " imported aggregate \"" + owner + "\". Tables of two imports of the same pings cannot be checked"
                    + " against each other, so tables of these pings are released only from \"" + owner + "\".");
        }
    }

    /** Records {@code info} as the import releasing its pings (after {@link #require}); called under the release lock. */
    static void claim(Catalog catalog, DatasetInfo info) {
        require(catalog, info);
        String source = info.property(ScaleAggregateImporter.SOURCE);
        if (catalog.setting(PREFIX + source).isEmpty()) {
            catalog.putSetting(PREFIX + source, info.name());
        }
    }

    /** The import that released tables of the pings of {@code info}, or null when none did. */
    private static String owner(Catalog catalog, DatasetInfo info) {
        String source = info.property(ScaleAggregateImporter.SOURCE);
        if (source == null || source.isEmpty()) {
            throw new WorkbenchException("The imported aggregate \"" + info.name() + "\" does not name the pings it was"
                    + " computed from; import it again.");
        }
        String owner = catalog.setting(PREFIX + source).orElse(null);
        if (owner != null) {
            return owner;
        }
        // releases recorded before the owner was kept
        LinkedReleases releases = new LinkedReleases(catalog);
        for (String other : ScaleAggregateImporter.sameSource(catalog, info)) {
            if (!releases.state(other).entries().isEmpty()) {
                return other;
            }
        }
        return null;
    }
}
