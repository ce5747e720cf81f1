package jp.ebpm.analysis.privacy.location;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Finds the columns of location data by their header names (case, width and punctuation ignored):
 * the first header, in the order of the candidate list, that matches.
 */
public final class ColumnDetector {

    /** Person or device id columns. */
    public static final List<String> ID = List.of("device_id", "deviceid", "user_id", "userid", "uid", "uuid",
            "adid", "ad_id", "person_id", "id", "端末id", "端末", "利用者id", "ユーザid", "ユーザーid");
    /** Time columns. */
    public static final List<String> TIME = List.of("timestamp", "datetime", "date_time", "time", "ts",
            "日時", "時刻", "測位日時", "取得日時");
    /** Latitude columns. */
    public static final List<String> LAT = List.of("lat", "latitude", "緯度", "y");
    /** Longitude columns. */
    public static final List<String> LON = List.of("lon", "lng", "long", "longitude", "経度", "x");
    /** Positioning accuracy in metres. */
    public static final List<String> ACCURACY = List.of("accuracy", "acc", "horizontal_accuracy", "精度", "測位精度");
    /** Age band. */
    public static final List<String> AGE = List.of("age_band", "ageband", "age_group", "age", "年代", "年齢", "年齢階級");
    /** Sex. */
    public static final List<String> SEX = List.of("sex", "gender", "性別");
    /** Mesh code. */
    public static final List<String> MESH = List.of("mesh_code", "meshcode", "mesh", "メッシュコード", "メッシュ");
    /** Date (mesh population). */
    public static final List<String> DATE = List.of("date", "日付", "年月日");
    /** Hour of day (mesh population). */
    public static final List<String> HOUR = List.of("hour", "時間帯", "時間", "時");
    /** Population (mesh population). */
    public static final List<String> POPULATION = List.of("population", "pop", "人口", "人数", "推計人口");

    private ColumnDetector() {
    }

    /** Normalised header: NFKC, lower case, spaces and hyphens as underscores. */
    static String norm(String s) {
        String n = Normalizer.normalize(s.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replace(' ', '_').replace('-', '_');
    }

    /**
     * The index of the column to use: the explicitly named one, or the first candidate found.
     *
     * @return the 0-based index, or -1 when not found
     * @throws IllegalArgumentException when an explicitly named column does not exist
     */
    public static int find(List<String> headers, String explicit, List<String> candidates) {
        if (explicit != null) {
            for (int i = 0; i < headers.size(); i++) {
                if (headers.get(i).equals(explicit) || norm(headers.get(i)).equals(norm(explicit))) {
                    return i;
                }
            }
            throw new IllegalArgumentException("The file has no column named \"" + explicit + "\". Its columns: "
                    + String.join(", ", headers));
        }
        for (String cand : candidates) {
            for (int i = 0; i < headers.size(); i++) {
                if (norm(headers.get(i)).equals(cand)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
