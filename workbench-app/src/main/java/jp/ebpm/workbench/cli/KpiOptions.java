package jp.ebpm.workbench.cli;

import java.nio.file.Path;

import jp.ebpm.analysis.kpi.FiscalYear;
import jp.ebpm.analysis.kpi.GradingTable;
import jp.ebpm.analysis.kpi.YearStyle;
import picocli.CommandLine.Option;

/** Options shared by the KPI commands: fiscal year, grading table and year style. */
public final class KpiOptions {

    @Option(names = "--fiscal-year", paramLabel = "Y",
            description = "Fiscal year to evaluate: 2021, FY2021, 2021年度, 令和3, R3 ... (default: each KPI's latest actual).")
    String fiscalYear;

    @Option(names = "--grading", paramLabel = "FILE", description = "Grading table as JSON (default S/A/B/C, see docs/kpi.md).")
    Path grading;

    @Option(names = "--year-style", paramLabel = "STYLE",
            description = "How fiscal years are shown: era (令和3(2021)年度), western (2021年度) or fy (FY2021); default era"
                    + " (with a project: the project's).")
    String yearStyle;

    /** Whether --year-style was given. */
    boolean yearStyleGiven() {
        return yearStyle != null;
    }

    /** The fiscal year, or {@code null} for each KPI's latest actual. */
    Integer fiscalYear() {
        return fiscalYear == null ? null : FiscalYear.parse(fiscalYear).year();
    }

    GradingTable grading() {
        return grading == null ? GradingTable.defaults() : GradingTable.read(grading);
    }

    YearStyle yearStyle() {
        return yearStyle == null ? YearStyle.ERA : YearStyle.parse(yearStyle);
    }
}
