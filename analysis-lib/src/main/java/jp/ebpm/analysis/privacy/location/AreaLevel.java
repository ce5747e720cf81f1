package jp.ebpm.analysis.privacy.location;

/** The spatial unit of an aggregate. */
public enum AreaLevel {
    /** Wards, from a ward boundary layer. */
    WARD("ward"),
    /** Small areas (町丁・字), from a boundary layer named with --areas. */
    SMALL_AREA("small-area"),
    /** JIS X 0410 3rd mesh (about 1 km). */
    MESH3("mesh3"),
    /** JIS X 0410 4th (half) mesh (about 500 m). */
    MESH4("mesh4");

    private final String id;

    AreaLevel(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean needsLayer() {
        return this == WARD || this == SMALL_AREA;
    }

    /** Parses ward, small-area, mesh3 or mesh4. */
    public static AreaLevel parse(String s) {
        for (AreaLevel a : values()) {
            if (a.id.equalsIgnoreCase(s)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown area level \"" + s + "\": use ward, small-area, mesh3 or mesh4.");
    }
}
