package jp.ebpm.analysis.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.export.xlsx.CellFormat;
import jp.ebpm.analysis.export.xlsx.Provenance;
import jp.ebpm.analysis.export.xlsx.ReportInfo;
import jp.ebpm.analysis.export.xlsx.ReportTable;
import jp.ebpm.analysis.export.xlsx.ReportWriter;
import jp.ebpm.analysis.export.xlsx.SourceRef;
import jp.ebpm.analysis.export.xlsx.TableCell;
import jp.ebpm.analysis.kpi.GradingTable;
import jp.ebpm.analysis.kpi.KpiFiles;
import jp.ebpm.analysis.kpi.KpiRegister;
import jp.ebpm.analysis.kpi.KpiReport;
import jp.ebpm.analysis.kpi.KpiStore;
import jp.ebpm.analysis.kpi.YearStyle;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.QueryCursor;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Builds a report from a {@link ReportSpec} over a project: KPI items (summary and charts), table items (a
 * dataset or a read-only query; results above {@value #SMALL_TABLE} rows are streamed to a plain sheet) and map
 * items (PNG files). Private datasets are refused (they may be shown only as aggregates).
 *
 * @since 0.1
 */
public final class ReportBuilder {

    /** Results up to this many rows become formatted tables; larger ones are streamed. */
    public static final int SMALL_TABLE = 100_000;

    private ReportBuilder() {
    }

    /**
     * Builds and writes the report; the output is replaced only when everything succeeded.
     *
     * @param softwareVersion written on the sources sheet
     * @throws WorkbenchException naming the item that failed
     * @throws jp.ebpm.analysis.task.CancelledException when cancelled
     */
    public static void build(Project project, ReportSpec spec, String softwareVersion, Path out,
                             ProgressListener progress, Cancellation cancel) {
        GradingTable grading = spec.grading() != null ? GradingTable.read(spec.grading()) : GradingTable.of(project);
        YearStyle style = spec.yearStyle() != null ? spec.yearStyle()
                : project.catalog().setting(YearStyle.SETTING).map(YearStyle::parse).orElse(YearStyle.ERA);
        ReportInfo info = new ReportInfo(spec.title(), spec.organization(), spec.date(), spec.author(), softwareVersion,
                spec.attributions(), spec.disclosureNotes(), null);
        try (ReportWriter w = new ReportWriter(info)) {
            int i = 0;
            for (ReportSpec.Item item : spec.items()) {
                cancel.check();
                progress.progress(item.title(), i++, spec.items().size());
                switch (item.type()) {
                    case KPI -> kpi(w, project, spec, item, grading, style);
                    case TABLE -> table(w, project, spec, item, cancel);
                    case CROSSTAB -> ReportItems.crosstab(w, project, item, provenance(spec, item, List.of()), cancel);
                    case MAP -> {
                        if (item.file() != null) {
                            map(w, spec, item);
                        } else {
                            ReportItems.layerMap(w, project, item, provenance(spec, item, List.of()));
                        }
                    }
                    default -> throw new IllegalStateException(item.type().toString());
                }
            }
            cancel.check();
            w.write(out);
            progress.progress("done", spec.items().size(), spec.items().size());
        }
    }

    private static void kpi(ReportWriter w, Project project, ReportSpec spec, ReportSpec.Item item, GradingTable grading,
                            YearStyle style) {
        KpiRegister reg;
        SourceRef src;
        if (item.file() != null) {
            reg = KpiFiles.read(item.file());
            src = SourceRef.ofFile(item.file(), "");
        } else {
            reg = KpiStore.load(project, item.dataset());
            src = ref(project.catalog().get(item.dataset()));
        }
        Provenance p = provenance(spec, item, List.of(src));
        // the item's title names its summary and chart sheets (the default "KPI" keeps KPI一覧 / KPIグラフ)
        String title = item.title() == null || item.title().isBlank() || item.title().equals("KPI") ? null : item.title();
        KpiReport.addTo(w, KpiReportJob.evaluate(reg, spec.fiscalYear(), grading), style, p, grading, title);
    }

    private static void table(ReportWriter w, Project project, ReportSpec spec, ReportSpec.Item item, Cancellation cancel) {
        String sql;
        if (item.dataset() != null) {
            DatasetInfo info = project.catalog().get(item.dataset());
            refusePrivate(info);
            sql = "SELECT * FROM " + Sql.ident(info.name());
        } else {
            sql = item.sql();
        }
        // The spec's SQL is user SQL (a spec may come from anyone): it runs only when it is one pure query over
        // the catalog's non-private datasets (Project.openQuery), never writes and never reads files.
        try (QueryCursor cursor = openQuery(project, sql, item, cancel)) {
            List<SourceRef> sources = cursor.datasets().stream().map(ReportBuilder::ref).toList();
            Provenance p = provenance(spec, item, sources);
            List<Object[]> first = new ArrayList<>();
            Object[] row = cursor.next();
            while (row != null && first.size() < SMALL_TABLE) {
                first.add(row);
                row = cursor.next();
            }
            if (row != null) {
                LargeQuery.stream(w, cursor, first, row, item.title(), p, cancel);
                return;
            }
            List<String> header = cursor.columns().stream().map(ColumnInfo::name).toList();
            List<CellFormat> formats = cursor.columns().stream().map(c -> format(c.type())).toList();
            List<List<TableCell>> rows = new ArrayList<>();
            for (Object[] r : first) {
                List<TableCell> cells = new ArrayList<>();
                for (int c = 0; c < r.length; c++) {
                    Object v = r[c];
                    cells.add(v instanceof Number n ? TableCell.number(n, formats.get(c)) : TableCell.text(v == null ? null : v.toString()));
                }
                rows.add(cells);
            }
            List<String> notes = new ArrayList<>(item.notes());
            notes.add("件数: " + String.format(Locale.ROOT, "%,d", first.size()));
            w.addTable(ReportTable.of(item.title(), header, rows, notes, p));
        }
    }

    private static QueryCursor openQuery(Project project, String sql, ReportSpec.Item item, Cancellation cancel) {
        try {
            return project.openQuery(sql, cancel);
        } catch (WorkbenchException e) {
            throw new WorkbenchException("Table \"" + item.title() + "\": " + e.getMessage(), e);
        }
    }

    static CellFormat format(String duckType) {
        String t = duckType.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return CellFormat.INTEGER;
        }
        if (t.startsWith("DOUBLE") || t.startsWith("FLOAT") || t.startsWith("REAL") || t.startsWith("DECIMAL")) {
            return CellFormat.DECIMAL2;
        }
        return CellFormat.GENERAL;
    }

    private static void map(ReportWriter w, ReportSpec spec, ReportSpec.Item item) {
        byte[] png;
        try {
            png = Files.readAllBytes(item.file());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new WorkbenchException("The map image does not exist.", item.file().getFileName().toString(), null, null, e);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot read the map image: " + e.getMessage(), item.file().getFileName().toString(), null, null, e);
        }
        w.addMap(item.title(), png, item.notes(), provenance(spec, item, List.of(SourceRef.ofFile(item.file(), ""))));
    }

    private static void refusePrivate(DatasetInfo info) {
        if (info.sensitivity() == Sensitivity.PRIVATE) {
            throw new WorkbenchException("\"" + info.name() + "\" holds private data: it can be reported only as aggregates"
                    + " that passed disclosure control.");
        }
    }

    private static SourceRef ref(DatasetInfo d) {
        return new SourceRef(d.name(), d.sourceFile(), d.sourceSha256(), d.license());
    }

    private static Provenance provenance(ReportSpec spec, ReportSpec.Item item, List<SourceRef> sources) {
        return new Provenance(sources, item.filters(), item.weights(), item.suppression(), spec.author(), Instant.now());
    }
}
