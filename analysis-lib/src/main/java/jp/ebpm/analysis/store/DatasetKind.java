package jp.ebpm.analysis.store;

import java.util.Locale;

/** What a dataset is, as shown in the catalog's groups. */
public enum DatasetKind {
    SURVEY, STATISTICS, BOUNDARY, POINTS, LOCATION, KPI, TABLE;

    /** The lower-case word stored in the catalog and used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a catalog word; accepts any case. */
    public static DatasetKind parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
