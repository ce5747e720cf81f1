package jp.ebpm.analysis.store;

import java.util.Locale;

/** How carefully a dataset must be handled. PRIVATE datasets leave the tool only as guarded aggregates. */
public enum Sensitivity {
    OPEN, INTERNAL, PRIVATE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Sensitivity parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
