package jp.ebpm.workbench.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeSet;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import jp.ebpm.analysis.kpi.FiscalYear;
import jp.ebpm.analysis.kpi.GradingTable;
import jp.ebpm.analysis.kpi.Kpi;
import jp.ebpm.analysis.kpi.KpiEvaluation;
import jp.ebpm.analysis.kpi.KpiEvaluator;
import jp.ebpm.analysis.kpi.KpiRegister;
import jp.ebpm.analysis.kpi.KpiRegisterFormat;
import jp.ebpm.analysis.kpi.YearStyle;

/**
 * State of the KPI dashboard: the register, the evaluated fiscal year, the measure filter and the rows shown
 * (one evaluation per KPI). Runs on the FX thread; holds no controls, so the logic is testable without a scene.
 */
final class KpiViewModel {

    /** The filter value meaning "all measures". */
    static final String ALL = "";

    final ObjectProperty<KpiRegister> register = new SimpleObjectProperty<>(new KpiRegister(List.of()));
    final ObjectProperty<Integer> fiscalYear = new SimpleObjectProperty<>();
    final ObjectProperty<String> measure = new SimpleObjectProperty<>(ALL);
    final ObservableList<KpiEvaluation> rows = FXCollections.observableArrayList();
    final ObservableList<String> measures = FXCollections.observableArrayList();
    final ObservableList<Integer> years = FXCollections.observableArrayList();
    final ObjectProperty<GradingTable> grading = new SimpleObjectProperty<>(GradingTable.defaults());
    final ObjectProperty<YearStyle> yearStyle = new SimpleObjectProperty<>(YearStyle.ERA);
    /** Where the shown register came from (written on the report's sources sheet). */
    final ObjectProperty<jp.ebpm.analysis.export.xlsx.SourceRef> source = new SimpleObjectProperty<>(
            new jp.ebpm.analysis.export.xlsx.SourceRef("KPI登録簿", "", "", ""));
    /** True while another register is being read: the one on screen is about to change, so nothing is exported. */
    final javafx.beans.property.BooleanProperty loading = new javafx.beans.property.SimpleBooleanProperty();
    private boolean dirty;

    KpiViewModel() {
        register.addListener((o, a, b) -> reload());
        fiscalYear.addListener((o, a, b) -> refresh());
        measure.addListener((o, a, b) -> refresh());
        grading.addListener((o, a, b) -> refresh());
    }

    /** Replaces the register (after loading), choosing the latest year with data. */
    void load(KpiRegister r) {
        dirty = false;
        register.set(r);
    }

    /** Replaces the register and its source together. */
    void load(KpiRegister r, jp.ebpm.analysis.export.xlsx.SourceRef from) {
        source.set(from);
        load(r);
    }

    /**
     * What a report of the screen contains: the register as shown (with unsaved actuals), the year, the grading, the
     * year style and the source; empty while another register is being read.
     */
    record Snapshot(KpiRegister register, Integer fiscalYear, GradingTable grading, YearStyle yearStyle,
                    jp.ebpm.analysis.export.xlsx.SourceRef source) {
    }

    Optional<Snapshot> forReport() {
        if (loading.get() || register.get().kpis().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Snapshot(register.get(), fiscalYear.get(), grading.get(), yearStyle.get(), source.get()));
    }

    boolean dirty() {
        return dirty;
    }

    void markSaved() {
        dirty = false;
    }

    private void reload() {
        KpiRegister r = register.get();
        List<String> m = new ArrayList<>();
        m.add(ALL);
        m.addAll(r.measures());
        measures.setAll(m);
        if (!measures.contains(measure.get())) {
            measure.set(ALL);
        }
        TreeSet<Integer> ys = new TreeSet<>(r.years());
        if (!ys.isEmpty()) {
            for (int y = ys.first(); y <= ys.last(); y++) {
                ys.add(y);
            }
        }
        years.setAll(ys);
        Integer fy = fiscalYear.get();
        if (fy == null || !ys.contains(fy)) {
            fiscalYear.set(r.actualYears().isEmpty() ? (ys.isEmpty() ? null : ys.last()) : r.actualYears().last());
        }
        refresh();
    }

    /** Re-evaluates the shown rows. */
    void refresh() {
        Integer fy = fiscalYear.get();
        KpiEvaluator ev = new KpiEvaluator(grading.get());
        List<KpiEvaluation> out = new ArrayList<>();
        for (Kpi k : register.get().kpis()) {
            if (ALL.equals(measure.get()) || k.measure().equals(measure.get())) {
                out.add(ev.evaluate(k, fy == null ? k.targetYear() : fy));
            }
        }
        rows.setAll(out);
    }

    /**
     * Sets (or, for empty text, removes) the actual of a KPI for the current fiscal year.
     *
     * @return an error message (from the bundle), or empty when the value was taken
     */
    Optional<String> setActual(String kpiId, String text, ResourceBundle b) {
        Integer fy = fiscalYear.get();
        Optional<Kpi> k = register.get().find(kpiId);
        if (fy == null || k.isEmpty()) {
            return Optional.of(b.getString("kpi.edit.select"));
        }
        Double value = null;
        if (text != null && !text.isBlank()) {
            Optional<Double> v = KpiRegisterFormat.parseNumber(text);
            if (v.isEmpty()) {
                return Optional.of(String.format(b.getString("kpi.edit.notNumber"), text));
            }
            value = v.get();
        }
        register.set(register.get().with(k.get().withActual(fy, value)));
        dirty = true;
        return Optional.empty();
    }

    /** The fiscal-year label in the current style. */
    String label(int year) {
        return FiscalYear.of(year).format(yearStyle.get());
    }
}
