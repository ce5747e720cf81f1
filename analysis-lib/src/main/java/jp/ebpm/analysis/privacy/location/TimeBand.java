package jp.ebpm.analysis.privacy.location;

/**
 * The time unit of an aggregate, on Japan local time: hour of day (0–23), weekday/weekend (Saturday and
 * Sunday are weekend; public holidays count as weekdays), date (yyyy-MM-dd) or month (yyyy-MM).
 */
public enum TimeBand {
    HOUR("hour", "CAST(hour(ts) AS VARCHAR)", "hour(ts)", "CAST(t AS VARCHAR)"),
    WEEKDAY("weekday", "CASE WHEN isodow(ts) >= 6 THEN 'weekend' ELSE 'weekday' END", "isodow(ts) >= 6",
            "CASE WHEN t THEN 'weekend' ELSE 'weekday' END"),
    DATE("date", "strftime(ts, '%Y-%m-%d')", "CAST(ts AS DATE)", "strftime(t, '%Y-%m-%d')"),
    MONTH("month", "strftime(ts, '%Y-%m')", "CAST(date_trunc('month', ts) AS DATE)", "strftime(t, '%Y-%m')");

    private final String id;
    private final String sql;
    private final String key;
    private final String label;

    TimeBand(String id, String sql, String key, String label) {
        this.id = id;
        this.sql = sql;
        this.key = key;
        this.label = label;
    }

    /** A cheap grouping key over {@code ts} (number, boolean or date), turned into the label by {@link #labelSql()}. */
    public String keySql() {
        return key;
    }

    /** The label (VARCHAR) of a key column named {@code t}. */
    public String labelSql() {
        return label;
    }

    public String id() {
        return id;
    }

    /** The SQL expression (VARCHAR) over a TIMESTAMP column {@code ts}. */
    public String sql() {
        return sql;
    }

    /** Parses hour, weekday, date or month. */
    public static TimeBand parse(String s) {
        for (TimeBand t : values()) {
            if (t.id.equalsIgnoreCase(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown time band \"" + s + "\": use hour, weekday, date or month.");
    }
}
