package jp.ebpm.analysis.privacy.location;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.audit.AuditLog;
import jp.ebpm.analysis.privacy.guard.CountTable;
import jp.ebpm.analysis.privacy.guard.DisclosureGuard;
import jp.ebpm.analysis.privacy.guard.ProtectedTable;
import jp.ebpm.analysis.privacy.guard.SuppressionMemory;
import jp.ebpm.analysis.privacy.guard.TableExporter;
import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.task.Cancellation;

/**
 * The one path from private location data to something a person sees: aggregate in SQL, protect with
 * the {@link DisclosureGuard} (remembering the suppression pattern per dataset and grouping), and record
 * each view or export in the {@link AuditLog}. Used by the command line and the UI alike.
 */
public final class LocationService {

    /** Project setting holding the project's k. */
    public static final String K_SETTING = "privacy.k";

    private final UnlockedVault vault;

    public LocationService(UnlockedVault vault) {
        this.vault = vault;
    }

    public UnlockedVault vault() {
        return vault;
    }

    /** The project's k: its {@value #K_SETTING} setting, or {@link DisclosureGuard#DEFAULT_K}. */
    public static int projectK(Catalog catalog) {
        return catalog.setting(K_SETTING).map(Integer::parseInt).orElse(DisclosureGuard.DEFAULT_K);
    }

    /**
     * The k to use: the requested one, or the project's. A request below 3, or below a k the project
     * explicitly set, is refused.
     */
    public static int effectiveK(Catalog catalog, Integer requested) {
        if (requested == null) {
            return projectK(catalog);
        }
        if (requested < DisclosureGuard.MIN_K) {
            throw new IllegalArgumentException("k must be at least " + DisclosureGuard.MIN_K + " (got " + requested + ").");
        }
        int min = catalog.setting(K_SETTING).map(Integer::parseInt).orElse(DisclosureGuard.MIN_K);
        if (requested < min) {
            throw new WorkbenchException("This project requires k of at least " + min + " (setting " + K_SETTING + ").");
        }
        return requested;
    }

    /**
     * A protected table with the grouping key used for consistent suppression, and the areas it was made
     * for (for maps).
     *
     * @param level the spatial unit of the rows
     * @param layer the area layer (wards, small areas), or null for meshes
     */
    public record Result(String dataset, String operation, String grouping, Map<String, String> parameters,
                         ProtectedTable table, AreaLevel level, AreaLayer layer) {
    }

    /** Pings and distinct devices per area × time band, protected. */
    public Result aggregate(String dataset, AreaLevel level, AreaLayer layer, TimeBand band, int k, int roundBase,
                            Cancellation cancel) {
        CountTable raw = LocationQueries.areaTime(vault, dataset, level, layer, band, cancel);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("by", level.id());
        if (level.needsLayer()) {
            params.put("areas", layer.id());
        }
        params.put("time", band.id());
        params.put("round", Integer.toString(roundBase));
        String grouping = "aggregate|" + level.id() + "|" + (level.needsLayer() ? layer.id() : "") + "|" + band.id();
        return protect(dataset, "aggregate", grouping, params, raw, k, roundBase, level, level.needsLayer() ? layer : null);
    }

    /** The origin–destination matrix, protected. */
    public Result od(String dataset, AreaLayer layer, int k, int roundBase, Cancellation cancel) {
        CountTable raw = LocationQueries.od(vault, dataset, layer, cancel);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("by", "ward");
        params.put("areas", layer.id());
        params.put("round", Integer.toString(roundBase));
        return protect(dataset, "od", "od|" + layer.id(), params, raw, k, roundBase, null, layer);
    }

    /**
     * Residents (or visitors) present per area × hour, protected: distinct devices whose home area is (is not)
     * the area; the count column holds their pings.
     *
     * @param level ward or small-area (the areas of {@code layer})
     */
    public Result presence(String dataset, AreaLevel level, AreaLayer layer, boolean residents, int k, int roundBase,
                           Cancellation cancel) {
        requireLayerLevel(level);
        CountTable raw = LocationQueries.presence(vault, dataset, layer, residents, cancel);
        String op = residents ? "residents" : "visitors";
        Map<String, String> params = new LinkedHashMap<>();
        params.put("by", level.id());
        params.put("areas", layer.id());
        params.put("time", TimeBand.HOUR.id());
        params.put("round", Integer.toString(roundBase));
        return protect(dataset, op, op + "|" + layer.id(), params, raw, k, roundBase, level, layer);
    }

    /**
     * Dwell minutes and devices per area × time band of arrival, protected.
     *
     * @param level ward or small-area (the areas of {@code layer})
     */
    public Result dwell(String dataset, AreaLevel level, AreaLayer layer, TimeBand band, int k, int roundBase,
                        Cancellation cancel) {
        requireLayerLevel(level);
        CountTable raw = LocationQueries.dwell(vault, dataset, layer, band, cancel);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("by", level.id());
        params.put("areas", layer.id());
        params.put("time", band.id());
        params.put("round", Integer.toString(roundBase));
        return protect(dataset, "dwell", "dwell|" + layer.id() + "|" + band.id(), params, raw, k, roundBase, level, layer);
    }

    private static void requireLayerLevel(AreaLevel level) {
        if (!level.needsLayer()) {
            throw new IllegalArgumentException("Residents/visitors and dwell time are computed for areas of a boundary"
                    + " layer (ward or small-area), not for " + level.id() + ".");
        }
    }

    private Result protect(String dataset, String op, String grouping, Map<String, String> params, CountTable raw,
                           int k, int roundBase, AreaLevel level, AreaLayer layer) {
        SuppressionMemory memory = new SuppressionMemory(vault.project().catalog());
        ProtectedTable t = new DisclosureGuard(k, roundBase).protect(raw, memory.hidden(dataset, grouping));
        return new Result(dataset, op, grouping, params, t, level, layer);
    }

    /**
     * Exports a protected result, remembers its suppression pattern and writes an audit entry with the
     * file's SHA-256.
     */
    public void export(Result result, Path out) {
        TableExporter.write(result.table(), out, LocationSheets.heading(result));
        new SuppressionMemory(vault.project().catalog()).remember(result.dataset(), result.grouping(), result.table());
        Map<String, String> p = new LinkedHashMap<>(result.parameters());
        p.put("format", out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx") ? "xlsx" : "csv");
        new AuditLog(vault.project()).append(vault.auditKey(), result.dataset(), result.operation() + ".export", p,
                result.table().k(), out.toAbsolutePath().toString(), AuditLog.sha256(out));
    }

    /**
     * Draws a protected area result as a choropleth ({@link LocationMaps}) for one time value and measure and
     * writes it as PNG (or SVG when the file name ends in {@code .svg}); remembers the suppression pattern and
     * writes an audit entry ({@code <operation>.map.export}) with the file's SHA-256.
     *
     * @throws IllegalArgumentException for an OD matrix, an unknown time value or measure, or another extension
     */
    public void exportMap(Result result, String time, String measure, int width, int height, Path out) {
        String name = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean svg = name.endsWith(".svg");
        if (!svg && !name.endsWith(".png")) {
            throw new IllegalArgumentException("A map is written as .png or .svg, not \"" + out.getFileName() + "\".");
        }
        if (!LocationMaps.mappable(result)) {
            throw new IllegalArgumentException("An origin–destination matrix has no map; export it as a table.");
        }
        jp.ebpm.analysis.gis.map.MapSpec spec = LocationMaps.spec(result, LocationMaps.shapes(result), time, measure);
        try {
            if (out.toAbsolutePath().getParent() != null) {
                java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
            }
            if (svg) {
                java.nio.file.Files.writeString(out, jp.ebpm.analysis.gis.map.MapRenderer.renderSvg(spec, width, height),
                        StandardCharsets.UTF_8);
            } else {
                java.nio.file.Files.write(out, jp.ebpm.analysis.gis.map.MapRenderer.renderPng(spec, width, height, 150));
            }
        } catch (IOException e) {
            throw new WorkbenchException("Cannot write " + out.getFileName() + ": " + e.getMessage(), e);
        }
        new SuppressionMemory(vault.project().catalog()).remember(result.dataset(), result.grouping(), result.table());
        Map<String, String> p = new LinkedHashMap<>(result.parameters());
        p.put("at", time);
        p.put("measure", measure);
        p.put("format", svg ? "svg" : "png");
        p.put("size", width + "x" + height);
        new AuditLog(vault.project()).append(vault.auditKey(), result.dataset(), result.operation() + ".map.export", p,
                result.table().k(), out.toAbsolutePath().toString(), AuditLog.sha256(out));
    }

    /**
     * Records that a protected result was shown on screen (the audit entry holds the SHA-256 of its CSV
     * rendering) and remembers its suppression pattern.
     */
    public void recordView(Result result) {
        StringWriter w = new StringWriter();
        try {
            TableExporter.writeCsv(result.table(), w);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot render the table.", e);
        }
        new SuppressionMemory(vault.project().catalog()).remember(result.dataset(), result.grouping(), result.table());
        new AuditLog(vault.project()).append(vault.auditKey(), result.dataset(), result.operation() + ".view",
                result.parameters(), result.table().k(), "screen", AuditLog.sha256(w.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
