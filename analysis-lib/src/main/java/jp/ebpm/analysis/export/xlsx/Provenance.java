package jp.ebpm.analysis.export.xlsx;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a table, chart or map comes from: its source datasets with SHA-256, the filters, weights and
 * disclosure-control (suppression) parameters applied, the analyst and the time it was computed. Written
 * under every item and collected on the sources sheet.
 *
 * @param sources     source datasets
 * @param filters     filters applied (e.g. {@code 区 = 中原区}), or empty
 * @param weights     weighting (e.g. {@code weight column w}), or empty
 * @param suppression disclosure-control parameters (e.g. {@code k=10, dominance 2/85}), or empty
 * @param analyst     who produced it
 * @param createdAt   when it was computed
 * @since 0.1
 */
public record Provenance(List<SourceRef> sources, String filters, String weights, String suppression,
                         String analyst, Instant createdAt) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx")
            .withZone(ZoneId.systemDefault());

    public Provenance {
        sources = List.copyOf(sources == null ? List.of() : sources);
        filters = filters == null ? "" : filters;
        weights = weights == null ? "" : weights;
        suppression = suppression == null ? "" : suppression;
        analyst = analyst == null ? "" : analyst;
        createdAt = createdAt == null ? Instant.now() : createdAt;
    }

    /** Provenance with sources, analyst and time only. */
    public static Provenance of(List<SourceRef> sources, String analyst, Instant createdAt) {
        return new Provenance(sources, "", "", "", analyst, createdAt);
    }

    /** The provenance as lines of text (Japanese labels), as written under an item. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (SourceRef s : sources) {
            StringBuilder sb = new StringBuilder("出典: ").append(s.name());
            if (!s.file().isEmpty() && !s.file().equals(s.name())) {
                sb.append(" (").append(s.file()).append(')');
            }
            if (!s.sha256().isEmpty()) {
                sb.append(" SHA-256 ").append(s.sha256());
            }
            if (!s.license().isEmpty()) {
                sb.append(" / ").append(s.license());
            }
            out.add(sb.toString());
        }
        out.add("抽出条件: " + (filters.isEmpty() ? "なし" : filters));
        out.add("ウェイト: " + (weights.isEmpty() ? "なし" : weights));
        out.add("秘匿処理: " + (suppression.isEmpty() ? "なし" : suppression));
        out.add("作成者: " + analyst + " / 作成日時: " + TIME.format(createdAt));
        return out;
    }
}
