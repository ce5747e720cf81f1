package jp.ebpm.analysis.privacy.location;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.ebpm.analysis.privacy.guard.ProtectedTable;

/**
 * The heading lines at the top of an exported guarded location sheet: a title naming the dataset and the table, the
 * guard parameters (k, rounding, areas, time band) and the χ legend — so the sheet reads on its own when forwarded.
 *
 * @since 0.3
 */
public final class LocationSheets {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private LocationSheets() {
    }

    /** The heading lines of a guarded result. */
    public static List<String> heading(LocationService.Result r) {
        ProtectedTable t = r.table();
        Map<String, String> p = r.parameters();
        List<String> out = new ArrayList<>();
        out.add(r.dataset() + " — " + operationName(r.operation()) + " (" + p.getOrDefault("by", "") + (p.containsKey("time")
                ? " × " + p.get("time") : "") + ")");
        StringBuilder g = new StringBuilder("秘匿処理 / disclosure control: k = " + t.k() + " (セルの人数が k 未満なら秘匿 / cells with fewer than k"
                + " distinct persons are suppressed)");
        if (t.roundBase() > 1) {
            g.append(", 丸め / rounded to base ").append(t.roundBase());
        }
        out.add(g.toString());
        if (p.containsKey("areas")) {
            out.add("地域 / areas: " + (p.get("areas").startsWith("bundled:") ? AreaChoice.BUNDLED_SOURCE
                    : p.get("areas").replaceFirst("^layer:", "")));
        }
        out.add("χ = 秘匿 (suppressed): 一次秘匿 " + t.primaryCount() + " セル, 二次秘匿 " + t.secondaryCount()
                + " セル (hidden to protect another cell)");
        out.add("作成 / written: " + TIME.format(Instant.now()));
        return out;
    }

    private static String operationName(String op) {
        return switch (op) {
            case "aggregate" -> "地域×時間の人数 / devices by area and time";
            case "od" -> "OD表 / origin-destination";
            case "residents" -> "住民 / residents present";
            case "visitors" -> "来訪者 / visitors present";
            case "dwell" -> "滞在時間 / dwell time";
            default -> op;
        };
    }
}
