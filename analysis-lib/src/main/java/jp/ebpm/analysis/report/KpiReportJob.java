package jp.ebpm.analysis.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import jp.ebpm.analysis.export.xlsx.Provenance;
import jp.ebpm.analysis.export.xlsx.ReportInfo;
import jp.ebpm.analysis.export.xlsx.ReportWriter;
import jp.ebpm.analysis.export.xlsx.SourceRef;
import jp.ebpm.analysis.kpi.GradingTable;
import jp.ebpm.analysis.kpi.KpiEvaluation;
import jp.ebpm.analysis.kpi.KpiEvaluator;
import jp.ebpm.analysis.kpi.KpiFiles;
import jp.ebpm.analysis.kpi.KpiRegister;
import jp.ebpm.analysis.kpi.KpiReport;
import jp.ebpm.analysis.kpi.YearStyle;

/**
 * Writes a KPI report (cover, KPI summary, one chart per KPI, sources) for a register.
 *
 * @since 0.1
 */
public final class KpiReportJob {

    private KpiReportJob() {
    }

    /**
     * Evaluates a register and returns the evaluations: in {@code fiscalYear}, or each KPI at its latest actual
     * when {@code fiscalYear} is {@code null}.
     */
    public static List<KpiEvaluation> evaluate(KpiRegister register, Integer fiscalYear, GradingTable grading) {
        KpiEvaluator ev = new KpiEvaluator(grading);
        return fiscalYear == null ? ev.evaluateLatest(register) : ev.evaluate(register, fiscalYear);
    }

    /**
     * Reads a register file, evaluates it and writes the report.
     *
     * @throws jp.ebpm.analysis.WorkbenchException for an invalid register or an unwritable output
     */
    public static void write(Path registerFile, Integer fiscalYear, GradingTable grading, YearStyle style,
                             ReportInfo info, Path out) {
        KpiRegister register = KpiFiles.read(registerFile);
        Provenance prov = Provenance.of(List.of(SourceRef.ofFile(registerFile, "")), info.author(), Instant.now());
        write(register, prov, fiscalYear, grading, style, info, out);
    }

    /** Evaluates a register and writes the report. */
    public static void write(KpiRegister register, Provenance prov, Integer fiscalYear, GradingTable grading,
                             YearStyle style, ReportInfo info, Path out) {
        try (ReportWriter w = new ReportWriter(info)) {
            KpiReport.addTo(w, evaluate(register, fiscalYear, grading), style, prov, grading);
            w.write(out);
        }
    }
}
