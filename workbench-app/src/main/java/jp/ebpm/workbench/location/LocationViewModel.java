package jp.ebpm.workbench.location;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import jp.ebpm.analysis.export.OutputNames;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.audit.AuditEntry;
import jp.ebpm.analysis.privacy.audit.AuditLog;
import jp.ebpm.analysis.privacy.guard.DisclosureGuard;
import jp.ebpm.analysis.privacy.location.AreaChoice;
import jp.ebpm.analysis.privacy.location.AreaLayer;
import jp.ebpm.analysis.privacy.location.AreaLevel;
import jp.ebpm.analysis.privacy.location.LocationImportOptions;
import jp.ebpm.analysis.privacy.location.LocationMaps;
import jp.ebpm.analysis.privacy.location.LocationService;
import jp.ebpm.analysis.privacy.location.MeshPopulationImporter;
import jp.ebpm.analysis.privacy.location.PingImporter;
import jp.ebpm.analysis.privacy.location.TimeBand;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.workbench.app.AppContext;
import jp.ebpm.workbench.app.ShownResult;

/**
 * State of the Location tab: the unlocked vault, the request (dataset, areas, time band, k, rounding), the guarded
 * result on screen and the audit log. The areas and k follow the same library rules as {@code workbench location}
 * ({@link AreaChoice#resolve}, {@link LocationService#effectiveK}). Exports take the result on screen
 * ({@link ShownResult}): while a new table is computed nothing can be exported, so a file can never hold a table other
 * than the one the user sees.
 */
final class LocationViewModel {

    /** What the user asked for. */
    enum Operation { AGGREGATE, OD, RESIDENTS, VISITORS, DWELL }

    /**
     * A computed guarded result with what the tab shows beside it.
     *
     * @param shapes the area polygons for the map, or null (OD)
     * @param areaNames area key → name (ward names beside codes), empty for meshes
     * @param areas what the areas are (layer and licence, bundled source, or mesh level)
     */
    record Computed(LocationService.Result result, LocationMaps.AreaShapes shapes, Map<String, String> areaNames, String areas,
                    boolean bundledAreas) {
    }

    final ObjectProperty<UnlockedVault> vault = new SimpleObjectProperty<>();
    final StringProperty status = new SimpleStringProperty("");
    final StringProperty dataset = new SimpleStringProperty();
    final StringProperty by = new SimpleStringProperty("ward");
    final StringProperty time = new SimpleStringProperty("hour");
    final ObjectProperty<Integer> k = new SimpleObjectProperty<>(DisclosureGuard.DEFAULT_K);
    final IntegerProperty roundBase = new SimpleIntegerProperty(1);
    final ShownResult<Computed> result = new ShownResult<>();
    final ObservableList<String> datasets = FXCollections.observableArrayList();
    final ObservableList<AuditEntry> audit = FXCollections.observableArrayList();

    private final AppContext ctx;
    private final ResourceBundle b;

    LocationViewModel(AppContext ctx, ResourceBundle b) {
        this.ctx = ctx;
        this.b = b;
    }

    /** True when the open project has no passphrase yet: the first unlock sets it and must ask twice. */
    boolean firstUnlock() {
        Project p = ctx.project().get();
        return p != null && !UnlockedVault.hasPassphrase(p);
    }

    /**
     * Unlocks (or, the first time, creates) the project's private data. The first time the passphrase must be typed
     * twice, equal and at least 8 characters: it cannot be recovered. Both arrays are wiped.
     *
     * @param confirm the repeated passphrase on a first unlock, else null
     * @return the task, or null when the input was refused (the reason is in {@link #status})
     */
    Task<UnlockedVault> unlock(char[] pass, char[] confirm) {
        Project p = ctx.project().get();
        try {
            if (p == null) {
                status.set(b.getString("location.status.noProject"));
                return null;
            }
            if (!UnlockedVault.hasPassphrase(p)) {
                if (pass.length < 8) {
                    status.set(b.getString("location.passphrase.short"));
                    return null;
                }
                if (confirm == null || !Arrays.equals(pass, confirm)) {
                    status.set(b.getString("location.passphrase.mismatch"));
                    return null;
                }
            }
            char[] copy = pass.clone();
            return ctx.tasks().run(b.getString("location.task.unlock"), (progress, cancel) -> {
                try {
                    return UnlockedVault.openOrCreate(p, copy);
                } finally {
                    Arrays.fill(copy, '\0');
                }
            }, v -> {
                lock();
                // the project's k is the default, as on the command line without --k
                k.set(LocationService.projectK(p.catalog()));
                vault.set(v);
                status.set(b.getString("location.status.unlocked"));
                refreshDatasets();
                refreshAudit();
            });
        } finally {
            Arrays.fill(pass, '\0');
            if (confirm != null) {
                Arrays.fill(confirm, '\0');
            }
        }
    }

    /** Locks: the vault closes and the shown result is cleared. */
    void lock() {
        UnlockedVault v = vault.get();
        if (v != null) {
            v.close();
            vault.set(null);
        }
        result.clear();
        status.set(b.getString(ctx.project().get() == null ? "location.status.noProject" : "location.status.locked"));
    }

    void refreshDatasets() {
        Project p = ctx.project().get();
        if (p == null) {
            datasets.clear();
            return;
        }
        List<String> names = p.catalog().list().stream()
                .filter(d -> d.kind() == DatasetKind.LOCATION && d.sensitivity() == Sensitivity.PRIVATE)
                .map(DatasetInfo::name).toList();
        datasets.setAll(names);
        if ((dataset.get() == null || !names.contains(dataset.get())) && !names.isEmpty()) {
            dataset.set(names.get(0));
        }
    }

    /** Imports pings or mesh population into the vault. */
    Task<DatasetInfo> importFile(Path file, String name, String kindId) {
        UnlockedVault v = vault.get();
        if (v == null) {
            return null;
        }
        LocationImportOptions.Kind kind = LocationImportOptions.Kind.parse(kindId);
        LocationImportOptions opt = LocationImportOptions.detect(name, kind);
        return ctx.tasks().run(b.getString("location.task.import"), (progress, cancel) -> kind == LocationImportOptions.Kind.PINGS
                ? PingImporter.importPings(v, file, opt, progress, cancel)
                : MeshPopulationImporter.importFile(v, file, opt, progress, cancel), info -> {
                    status.set(MessageFormat.format(b.getString("location.import.done"), Long.toString(info.rowCount()), info.name()));
                    refreshDatasets();
                    dataset.set(info.name());
                    ctx.refreshCatalog();
                });
    }

    /** The level an operation is computed at: OD, residents/visitors and dwell need area polygons (wards). */
    static AreaLevel levelFor(Operation op, AreaLevel requested) {
        return op != Operation.AGGREGATE && !requested.needsLayer() ? AreaLevel.WARD : requested;
    }

    /** Computes a guarded table; it replaces the shown one when it arrives. While it runs nothing can be exported. */
    Task<Computed> run(Operation op) {
        UnlockedVault v = vault.get();
        String ds = dataset.get();
        if (v == null || ds == null) {
            return null;
        }
        AreaLevel requested = AreaLevel.parse(by.get());
        AreaLevel lv = levelFor(op, requested);
        if (lv != requested) {
            by.set(lv.id());
            status.set(b.getString("location.status.wardOnly"));
        }
        TimeBand band = TimeBand.parse(time.get());
        Integer kk = k.get();
        int base = roundBase.get();
        return result.compute(ctx.tasks(), b.getString("location.task.aggregate"), (progress, cancel) -> {
            Project p = v.project();
            int effective = LocationService.effectiveK(p.catalog(), kk);
            AreaChoice areas = AreaChoice.resolve(p, lv, null, null);
            AreaLayer layer = areas.layer();
            LocationService s = new LocationService(v);
            LocationService.Result r = switch (op) {
                case OD -> s.od(ds, layer, effective, base, cancel);
                case RESIDENTS -> s.presence(ds, lv, layer, true, effective, base, cancel);
                case VISITORS -> s.presence(ds, lv, layer, false, effective, base, cancel);
                case DWELL -> s.dwell(ds, lv, layer, band, effective, base, cancel);
                case AGGREGATE -> s.aggregate(ds, lv, layer, band, effective, base, cancel);
            };
            s.recordView(r);
            Map<String, String> names = new LinkedHashMap<>();
            if (layer != null) {
                for (AreaLayer.Area a : layer.areas()) {
                    if (a.label() != null && !a.label().isBlank() && !a.label().equals(a.key())) {
                        names.putIfAbsent(a.key(), a.label());
                    }
                }
            }
            return new Computed(r, LocationMaps.mappable(r) ? LocationMaps.shapes(r) : null, names, areas.source(),
                    areas.bundledFallback());
        }, c -> {
            if (c.bundledAreas()) {
                status.set(b.getString("location.status.bundledWards"));
            }
            refreshAudit();
        });
    }

    /** The default file name of the shown result (one library rule with the command line). */
    String suggestedName(String ext) {
        return result.forOutput().map(c -> OutputNames.location(c.result().dataset(), c.result().operation(),
                c.result().parameters().getOrDefault("by", ""), c.result().parameters().get("time"), c.result().table().k(),
                c.result().table().roundBase(), ext)).orElse("location." + ext);
    }

    /** Writes the shown table (CSV or .xlsx) and records it in the audit log; null while a new table is computed. */
    Task<Path> export(Path out) {
        Computed c = result.forOutput().orElse(null);
        UnlockedVault v = vault.get();
        if (c == null || v == null) {
            return null;
        }
        return ctx.tasks().run(b.getString("location.export"), (progress, cancel) -> {
            new LocationService(v).export(c.result(), out);
            PrivateOutputs.restrict(out);
            return out;
        }, p -> {
            status.set(MessageFormat.format(b.getString("location.export.done"), p.getFileName()) + " "
                    + b.getString("location.export.private"));
            refreshAudit();
        });
    }

    /** Writes the map of the shown result (PNG/SVG) and records it; null while a new table is computed. */
    Task<Path> exportMap(Path out, String mapTime, String measure, int width, int height) {
        Computed c = result.forOutput().orElse(null);
        UnlockedVault v = vault.get();
        if (c == null || c.shapes() == null || v == null || mapTime == null || measure == null) {
            return null;
        }
        return ctx.tasks().run(b.getString("location.task.map"), (progress, cancel) -> {
            new LocationService(v).exportMap(c.result(), mapTime, measure, width, height, out);
            PrivateOutputs.restrict(out);
            return out;
        }, p -> {
            status.set(MessageFormat.format(b.getString("location.map.exported"), p.getFileName()) + " "
                    + b.getString("location.export.private"));
            refreshAudit();
        });
    }

    void refreshAudit() {
        Project p = ctx.project().get();
        if (p != null) {
            audit.setAll(new AuditLog(p).read());
        } else {
            audit.clear();
        }
    }

    /** Verifies the audit chain; returns the message to show. */
    String verifyAudit() {
        Project p = ctx.project().get();
        if (p == null) {
            return "";
        }
        UnlockedVault v = vault.get();
        AuditLog.Verification res = new AuditLog(p).verify(v == null ? null : v.auditKey());
        refreshAudit();
        return res.ok() ? MessageFormat.format(b.getString("location.audit.ok"), Integer.toString(res.entries()))
                : MessageFormat.format(b.getString("location.audit.bad"), String.join("; ", res.problems()));
    }
}
