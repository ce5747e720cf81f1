package jp.ebpm.analysis.privacy.location;

/**
 * What to import and which columns to use ({@code null} column names are detected from the header,
 * see {@link ColumnDetector}).
 *
 * @param name    the new dataset's name
 * @param kind    pings or mesh population
 * @param idCol   the person/device id column (pings)
 * @param timeCol the time column (pings)
 * @param latCol  the latitude column (pings, decimal degrees)
 * @param lonCol  the longitude column (pings, decimal degrees)
 */
public record LocationImportOptions(String name, Kind kind, String idCol, String timeCol, String latCol, String lonCol) {

    /** The kinds of private location data. */
    public enum Kind {
        /** One row per observed position of a device. */
        PINGS("pings"),
        /** Population estimates per mesh cell, date and hour (mobile spatial statistics). */
        MESH_POPULATION("mesh-population");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** Parses {@code pings} or {@code mesh-population}. */
        public static Kind parse(String s) {
            for (Kind k : values()) {
                if (k.id.equalsIgnoreCase(s)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("Unknown kind \"" + s + "\": use pings or mesh-population.");
        }
    }

    /** Options with detected columns. */
    public static LocationImportOptions detect(String name, Kind kind) {
        return new LocationImportOptions(name, kind, null, null, null, null);
    }
}
