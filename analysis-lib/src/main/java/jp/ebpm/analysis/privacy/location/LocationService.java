package jp.ebpm.analysis.privacy.location;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.audit.AuditLog;
import jp.ebpm.analysis.privacy.audit.AuditedOutput;
import jp.ebpm.analysis.privacy.guard.CountTable;
import jp.ebpm.analysis.privacy.guard.DisclosureGuard;
import jp.ebpm.analysis.privacy.guard.LinkedAudit;
import jp.ebpm.analysis.privacy.guard.LinkedCells;
import jp.ebpm.analysis.privacy.guard.LinkedReleases;
import jp.ebpm.analysis.privacy.guard.ProtectedTable;
import jp.ebpm.analysis.privacy.guard.SuppressionMemory;
import jp.ebpm.analysis.privacy.guard.TableExporter;
import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.task.Cancellation;

/**
 * The one path from private location data to something a person sees: aggregate in SQL, protect with
 * the {@link DisclosureGuard} (remembering the suppression pattern per dataset and grouping, and checking the
 * table against every table already released from the same dataset: {@link LinkedAudit}), and record each view
 * or export in the {@link AuditLog} and in the dataset's linked set ({@link LinkedReleases}). Used by the command
 * line and the UI alike.
 */
public final class LocationService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LocationService.class);

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
     * Sets the project's disclosure threshold ({@value #K_SETTING}), sealed with the audit key (a change made
     * outside the workbench is refused when private data is next unlocked), and records the change in the
     * audit log (operation {@code settings.k}).
     *
     * @throws IllegalArgumentException when k is below {@link DisclosureGuard#MIN_K}
     */
    public void setProjectK(int k) {
        if (k < DisclosureGuard.MIN_K) {
            throw new IllegalArgumentException("k must be at least " + DisclosureGuard.MIN_K + " (got " + k + ").");
        }
        Catalog catalog = vault.project().catalog();
        int before = projectK(catalog);
        catalog.putSetting(K_SETTING, Integer.toString(k));
        new AuditLog(vault.project()).append(vault.auditKey(), "", "settings.k", Map.of("from", Integer.toString(before),
                "to", Integer.toString(k)), k, "", AuditLog.sha256(new byte[0]));
    }

    /**
     * A protected table with the grouping key used for consistent suppression, and the areas it was made
     * for (for maps).
     *
     * @param level         the spatial unit of the rows
     * @param layer         the area layer (wards, small areas), or null for meshes
     * @param linked        the table's place in the linked set of its dataset (null: not recorded there)
     * @param linkedVersion the version of the linked set the table was checked against
     */
    public record Result(String dataset, String operation, String grouping, Map<String, String> parameters,
                         ProtectedTable table, AreaLevel level, AreaLayer layer, LinkedGrouping linked, long linkedVersion) {

        /** A result outside any linked set (e.g. drawn from a hand-made table). */
        public Result(String dataset, String operation, String grouping, Map<String, String> parameters,
                      ProtectedTable table, AreaLevel level, AreaLayer layer) {
            this(dataset, operation, grouping, parameters, table, level, layer, null, 0);
        }
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
        return protect(dataset, "aggregate", grouping, params, raw, k, roundBase, level, level.needsLayer() ? layer : null, band,
                cancel);
    }

    /** The origin–destination matrix, protected. */
    public Result od(String dataset, AreaLayer layer, int k, int roundBase, Cancellation cancel) {
        CountTable raw = LocationQueries.od(vault, dataset, layer, cancel);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("by", "ward");
        params.put("areas", layer.id());
        params.put("round", Integer.toString(roundBase));
        return protect(dataset, "od", "od|" + layer.id(), params, raw, k, roundBase, null, layer, null, cancel);
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
        return protect(dataset, op, op + "|" + layer.id(), params, raw, k, roundBase, level, layer, TimeBand.HOUR, cancel);
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
        return protect(dataset, "dwell", "dwell|" + layer.id() + "|" + band.id(), params, raw, k, roundBase, level, layer, band,
                cancel);
    }

    /**
     * A table of an imported workbench-scale aggregate ({@link ScaleAggregateImporter}), protected exactly as the
     * tables computed from pings here: the same guard, the same suppression memory and the same grouping keys (the
     * job's boundary file or mesh level stands in for the project's area layer), audited by {@link #export}. The
     * imported dataset is one private dataset: all its releases are linked by its name, like a pings dataset's, and
     * checked against each other from its stored cells ({@link ScaleLinkedCells}).
     *
     * @param date for the OD matrix: one date (yyyy-MM-dd) or null for all dates
     */
    public Result importedTable(String dataset, ScaleAggregates.Kind kind, String date, int k, int roundBase,
                                Cancellation cancel) {
        CountTable raw = ScaleAggregates.table(vault, dataset, kind, date, cancel);
        ScaleManifest m = ScaleAggregateImporter.manifest(vault.info(dataset));
        String by = ScaleAggregates.level(m);
        boolean mesh = by.startsWith("mesh");
        String layerId = mesh ? "" : m.parameter("area_layer");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("by", by);
        if (!mesh) {
            params.put("areas", layerId);
        }
        String op = kind == ScaleAggregates.Kind.AGGREGATE ? "aggregate" : kind.id();
        switch (kind) {
            case AGGREGATE -> params.put("time", m.parameter("time"));
            case RESIDENTS, VISITORS -> params.put("time", TimeBand.HOUR.id());
            default -> {
                if (date != null) {
                    params.put("date", date);
                }
            }
        }
        String grouping = ScaleAggregates.grouping(m, kind, date);
        params.put("round", Integer.toString(roundBase));
        params.put("source", "workbench-scale " + m.sparkVersion() + " " + m.finishedAt());
        AreaLevel level = null;
        for (AreaLevel l : AreaLevel.values()) {
            if (l.id().equals(by) || (l == AreaLevel.WARD && by.equals("area"))) {
                level = l;
            }
        }
        TimeBand band = switch (kind) {
            case AGGREGATE -> TimeBand.parse(m.parameter("time"));
            case RESIDENTS, VISITORS -> TimeBand.HOUR;
            default -> null;
        };
        return protect(dataset, op, grouping, params, raw, k, roundBase, level, null, band, cancel);
    }

    private static void requireLayerLevel(AreaLevel level) {
        if (!level.needsLayer()) {
            throw new IllegalArgumentException("Residents/visitors and dwell time are computed for areas of a boundary"
                    + " layer (ward or small-area), not for " + level.id() + ".");
        }
    }

    private Result protect(String dataset, String op, String grouping, Map<String, String> params, CountTable raw,
                           int k, int roundBase, AreaLevel level, AreaLayer layer, TimeBand band, Cancellation cancel) {
        // one release at a time per vault: the app runs tasks on several threads
        synchronized (vault) {
            if (ScaleAggregateImporter.isImported(vault.info(dataset))) {
                ScaleReleaseSource.require(vault.project().catalog(), vault.info(dataset));
            }
            SuppressionMemory memory = new SuppressionMemory(vault.project().catalog());
            LinkedGrouping linked = new LinkedGrouping(grouping, op, level == null ? AreaLevel.WARD : level,
                    layer == null ? "" : LinkedLayers.sha(vault, layer), layer != null && !layer.bundled(), band,
                    LocationQueries.isMeshPopulation(vault.info(dataset)));
            LinkedReleases.State state = new LinkedReleases(vault.project().catalog()).state(dataset);
            ProtectedTable t = new DisclosureGuard(k, roundBase).protect(raw, memory.hidden(dataset, grouping),
                    linkedCheck(dataset, linked, layer, state, cancel));
            return new Result(dataset, op, grouping, params, t, level, layer, linked, state.version());
        }
    }

    /**
     * The check of a new table against the tables already released from its dataset in the same family (see
     * {@link LinkedGrouping}); none when the family holds no other grouping yet. The linked set of a pings or
     * population dataset is built from its records ({@link LinkedAtoms}); that of an aggregate imported from
     * workbench-scale from its stored cells ({@link ScaleLinkedCells}; there, the per-date and all-dates OD tables
     * are linked too).
     */
    private DisclosureGuard.LinkedCheck linkedCheck(String dataset, LinkedGrouping g, AreaLayer layer, LinkedReleases.State state,
                                                    Cancellation cancel) {
        boolean imported = ScaleAggregateImporter.isImported(vault.info(dataset));
        if (!g.linkable() && !imported) {
            return DisclosureGuard.LinkedCheck.NONE;
        }
        List<LinkedGrouping> groupings = new ArrayList<>(List.of(g));
        List<Set<String>> published = new ArrayList<>();
        published.add(state.entry(g.key()).map(LinkedReleases.Entry::published).orElse(Set.of()));
        for (LinkedReleases.Entry e : state.entries()) {
            LinkedGrouping other = LinkedGrouping.of(e.descriptor());
            if (!e.key().equals(g.key()) && other.family().equals(g.family())) {
                groupings.add(other);
                published.add(e.published());
            }
        }
        if (groupings.size() == 1) {
            return DisclosureGuard.LinkedCheck.NONE;
        }
        if (imported) {
            return (table, hidden, k) -> {
                long t0 = System.nanoTime();
                LinkedCells cells = ScaleLinkedCells.build(vault, dataset, groupings, published, cancel);
                return audit(g, groupings.size(), cells, table, hidden, k, t0);
            };
        }
        return (table, hidden, k) -> {
            Map<String, AreaLayer> layers = new HashMap<>();
            for (LinkedGrouping x : groupings) {
                if (!x.layerSha().isEmpty()) {
                    layers.computeIfAbsent(x.layerSha(), sha -> sha.equals(g.layerSha()) ? layer : LinkedLayers.load(vault, sha));
                }
            }
            long t0 = System.nanoTime();
            try (LinkedAtoms atoms = LinkedAtoms.build(vault, dataset, groupings, layers, published, cancel)) {
                return audit(g, groupings.size(), atoms.cells(), table, hidden, k, t0);
            }
        };
    }

    /**
     * Runs the {@link LinkedAudit} of a new table (the first partition of {@code cells}) and returns the keys of the
     * cells it must hide besides {@code hidden}.
     */
    private static Set<String> audit(LinkedGrouping g, int groupings, LinkedCells cells, CountTable table, Set<String> hidden,
                                     int k, long t0) {
        long t1 = System.nanoTime();
        LinkedCells.Partition target = cells.partitions().get(0);
        Map<String, Long> persons = new HashMap<>();
        table.cells().forEach(c -> persons.put(c.row() + "\t" + c.col(), c.persons()));
        boolean[] candidate = new boolean[target.cells()];
        for (int c = 0; c < candidate.length; c++) {
            candidate[c] = !hidden.contains(target.cellKeys().get(c));
            target.cellPersons()[c] = persons.getOrDefault(target.cellKeys().get(c), target.cellPersons()[c]);
        }
        LinkedAudit.Outcome o = LinkedAudit.run(cells, 0, candidate, k);
        LOG.debug("linked check of {} against {} earlier groupings: {} atoms, {} groupings with potential ones,"
                + " {} regions ({} already determined earlier, {} by this table), {} cells hidden ({} by pair rules),"
                + " rank {}; atoms {} ms, audit {} ms", g.key(), groupings - 1, o.atoms(),
                cells.partitions().size(), o.regions(), o.legacy(), o.violated(), o.hide().size(), o.pairRules(),
                o.rank(), (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        Set<String> more = new LinkedHashSet<>();
        o.hide().forEach(c -> more.add(target.cellKeys().get(c)));
        return more;
    }

    /**
     * Refuses to release a result when tables released after it was computed would now let it reveal a small
     * value (the app can hold a result while other tables are shown).
     */
    private void checkStillSafe(Result r) {
        if (r.linked() == null) {
            return;
        }
        LinkedReleases.State now = new LinkedReleases(vault.project().catalog()).state(r.dataset());
        if (now.version() == r.linkedVersion()) {
            return;
        }
        Set<String> more = linkedCheck(r.dataset(), r.linked(), r.layer(), now, Cancellation.none())
                .moreHidden(r.table().source(), r.table().suppressedKeys(), r.table().k());
        if (!more.isEmpty()) {
            throw new WorkbenchException("Other tables of \"" + r.dataset() + "\" were released after this table was"
                    + " computed; together they would reveal small values. Compute the table again.");
        }
    }

    /**
     * Remembers what a release shows: its suppression pattern, and the published cells (those passing
     * {@code shown}) in the dataset's linked set, with a copy of the area layer.
     */
    private void remember(Result r, Predicate<ProtectedTable.Cell> shown) {
        synchronized (vault) {
            // checked again under the lock: another thread may have released a table since the first check
            checkStillSafe(r);
            if (ScaleAggregateImporter.isImported(vault.info(r.dataset()))) {
                ScaleReleaseSource.claim(vault.project().catalog(), vault.info(r.dataset()));
            }
            new SuppressionMemory(vault.project().catalog()).remember(r.dataset(), r.grouping(), r.table());
            if (r.linked() == null) {
                return;
            }
            if (r.layer() != null) {
                LinkedLayers.store(vault, r.layer(), r.linked().layerSha());
            }
            Set<String> published = new LinkedHashSet<>();
            for (ProtectedTable.Cell c : r.table().cells()) {
                if (!c.suppressed() && c.persons() != 0 && shown.test(c)) {
                    published.add(c.row() + "\t" + c.col());
                }
            }
            new LinkedReleases(vault.project().catalog()).record(r.dataset(), r.linked().key(), r.linked().descriptor(), published);
        }
    }

    /**
     * Exports a protected result, remembers its suppression pattern and writes an audit entry with the
     * file's SHA-256. The file reaches {@code out} only after the audit entry was written
     * ({@link AuditedOutput}); when the audit log cannot be written, no file is left.
     */
    public void export(Result result, Path out) {
        checkStillSafe(result);
        Map<String, String> p = new LinkedHashMap<>(result.parameters());
        p.put("format", out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx") ? "xlsx" : "csv");
        AuditedOutput.write(vault.project(), out, tmp -> TableExporter.write(result.table(), tmp, LocationSheets.heading(result)), sha -> {
            remember(result, c -> true);
            new AuditLog(vault.project()).append(vault.auditKey(), result.dataset(), result.operation() + ".export", p,
                    result.table().k(), out.toAbsolutePath().toString(), sha);
        });
    }

    /**
     * Draws a protected area result as a choropleth ({@link LocationMaps}) for one time value and measure and
     * writes it as PNG (or SVG when the file name ends in {@code .svg}); remembers the suppression pattern and
     * writes an audit entry ({@code <operation>.map.export}) with the file's SHA-256. The file reaches
     * {@code out} only after the audit entry was written ({@link AuditedOutput}).
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
        checkStillSafe(result);
        jp.ebpm.analysis.gis.map.MapSpec spec = LocationMaps.spec(result, LocationMaps.shapes(result), time, measure);
        Map<String, String> p = new LinkedHashMap<>(result.parameters());
        p.put("at", time);
        p.put("measure", measure);
        p.put("format", svg ? "svg" : "png");
        p.put("size", width + "x" + height);
        AuditedOutput.write(vault.project(), out, tmp -> {
            if (svg) {
                java.nio.file.Files.writeString(tmp, jp.ebpm.analysis.gis.map.MapRenderer.renderSvg(spec, width, height),
                        StandardCharsets.UTF_8);
            } else {
                java.nio.file.Files.write(tmp, jp.ebpm.analysis.gis.map.MapRenderer.renderPng(spec, width, height, 150));
            }
        }, sha -> {
            remember(result, c -> c.col().equals(time));
            new AuditLog(vault.project()).append(vault.auditKey(), result.dataset(), result.operation() + ".map.export", p,
                    result.table().k(), out.toAbsolutePath().toString(), sha);
        });
    }

    /**
     * Records that a protected result was shown on screen (the audit entry holds the SHA-256 of its CSV
     * rendering) and remembers its suppression pattern.
     */
    public void recordView(Result result) {
        checkStillSafe(result);
        StringWriter w = new StringWriter();
        try {
            TableExporter.writeCsv(result.table(), w);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot render the table.", e);
        }
        remember(result, c -> true);
        new AuditLog(vault.project()).append(vault.auditKey(), result.dataset(), result.operation() + ".view",
                result.parameters(), result.table().k(), "screen", AuditLog.sha256(w.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
