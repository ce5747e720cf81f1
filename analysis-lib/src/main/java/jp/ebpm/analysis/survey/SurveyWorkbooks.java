package jp.ebpm.analysis.survey;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jp.ebpm.analysis.export.xlsx.CellFormat;
import jp.ebpm.analysis.export.xlsx.Provenance;
import jp.ebpm.analysis.export.xlsx.ReportInfo;
import jp.ebpm.analysis.export.xlsx.ReportTable;
import jp.ebpm.analysis.export.xlsx.ReportWriter;
import jp.ebpm.analysis.export.xlsx.SourceRef;
import jp.ebpm.analysis.export.xlsx.TableCell;
import jp.ebpm.analysis.store.Project;

/**
 * Multiple-response and Likert tables as .xlsx workbooks, written like the cross-tab workbook
 * ({@link CrossTabExport}): through the shared report writer with a cover, the table sheets with their notes and
 * the provenance (survey, source file and SHA-256, weight and raking margins) and the sources sheet.
 *
 * @since 0.3
 */
public final class SurveyWorkbooks {

    private SurveyWorkbooks() {
    }

    /** The provenance of a table of a project dataset: the dataset with source file and SHA-256, and the design. */
    public static Provenance provenance(Project project, String dataset, SurveyDesign design, String analyst) {
        List<SourceRef> sources = new ArrayList<>();
        project.catalog().find(dataset)
                .ifPresent(d -> sources.add(new SourceRef(d.name(), d.sourceFile(), d.sourceSha256(), d.license())));
        return new Provenance(sources, "", design.describe(), "", analyst, null);
    }

    /** The sheet of a multiple-response table: per option and banner column n, % of respondents, % of responses. */
    public static ReportTable multipleResponse(MultipleResponse.Table t, String title, Provenance prov) {
        int nc = t.cols().size();
        List<String> head = new ArrayList<>();
        head.add("選択肢 / option");
        for (int j = 0; j < nc; j++) {
            String col = t.cols().get(j).label();
            head.add(col + " n");
            head.add(col + " % 回答者");
            head.add(col + " % 回答");
        }
        List<List<TableCell>> body = new ArrayList<>();
        for (int i = 0; i < t.options().size(); i++) {
            List<TableCell> row = new ArrayList<>();
            row.add(TableCell.text(t.options().get(i).label()));
            for (int j = 0; j < nc; j++) {
                row.add(number(t.counts()[i][j]));
                row.add(pct(t.pctRespondents()[i][j]));
                row.add(pct(t.pctResponses()[i][j]));
            }
            body.add(row);
        }
        body.add(totals("base n (回答者)", t.base(), nc));
        body.add(totals("mentions (回答数)", t.mentions(), nc));
        List<String> notes = List.of("% 回答者 = 選択数 / 回答者数 (合計は100%を超える); % 回答 = 選択数 / 全回答数 (合計100%).",
                "% of respondents sums to more than 100; % of responses sums to 100.");
        return ReportTable.of(title, head, body, notes, prov);
    }

    /** The sheet of Likert items: per item the scale distribution (column %), top-2, bottom-2, mean and base. */
    public static ReportTable likert(List<LikertTables.Item> items, String title, Provenance prov) {
        CrossTab first = items.isEmpty() ? null : items.get(0).table();
        int nc = first == null ? 0 : first.cols().size();
        List<String> head = new ArrayList<>();
        head.add("項目 / item");
        for (int j = 0; j < nc; j++) {
            head.add(first.cols().get(j).label() + " (" + first.colLetters().get(j) + ")");
        }
        List<List<TableCell>> body = new ArrayList<>();
        for (LikertTables.Item it : items) {
            CrossTab t = it.table();
            List<TableCell> head1 = new ArrayList<>();
            head1.add(TableCell.text(it.question() + " (" + it.variable() + ")"));
            for (int j = 0; j < nc; j++) {
                head1.add(TableCell.empty());
            }
            body.add(head1);
            for (int i = 0; i < t.rows().size(); i++) {
                List<TableCell> row = new ArrayList<>();
                row.add(TableCell.text(t.rows().get(i).label()));
                for (int j = 0; j < nc; j++) {
                    row.add(j < t.cols().size() ? pct(t.table().colPct()[i][j]).withMarker(t.markers()[i][j] + t.letters()[i][j])
                            : TableCell.empty());
                }
                body.add(row);
            }
            LikertSummary s = it.summary();
            for (int k = 0; k < 2; k++) {
                List<TableCell> row = new ArrayList<>();
                row.add(TableCell.text(k == 0 ? "上位2 / Top-2" : "下位2 / Bottom-2"));
                CrossTab.NetRow net = k < t.nets().size() ? t.nets().get(k) : null;
                for (int j = 0; j < nc; j++) {
                    double v = j >= s.cols().size() ? Double.NaN : k == 0 ? s.top2Pct()[j] : s.bottom2Pct()[j];
                    row.add(pct(v).withMarker(net == null || j >= net.letters().length ? "" : net.letters()[j]));
                }
                body.add(row);
            }
            List<TableCell> mean = new ArrayList<>();
            mean.add(TableCell.text("平均 / mean"));
            List<TableCell> base = new ArrayList<>();
            base.add(TableCell.text("base n"));
            for (int j = 0; j < nc; j++) {
                double m = j < s.mean().length ? s.mean()[j] : Double.NaN;
                mean.add(Double.isNaN(m) ? TableCell.empty() : TableCell.number(m, CellFormat.DECIMAL2));
                base.add(j < s.base().length ? number(s.base()[j]) : TableCell.empty());
            }
            body.add(mean);
            body.add(base);
        }
        List<String> notes = List.of("セルは列%; ▲/▼ = 調整済み残差が有意, 文字 = 列比率の有意差 (Bonferroni, p < 0.05).",
                "Cells are column %; ▲/▼ significant adjusted residual; letters: column-proportion test (Bonferroni, p < 0.05).");
        return ReportTable.of(title, head, body, notes, prov);
    }

    /** Writes one sheet (multiple-response or Likert) as a workbook with a cover and the sources sheet. */
    public static void write(ReportTable table, ReportInfo cover, Path file) {
        try (ReportWriter w = new ReportWriter(cover)) {
            w.addTable(table);
            w.write(file);
        }
    }

    /** Writes one sheet with a cover (title, organisation, author, today) and the sources sheet. */
    public static void write(ReportTable table, String title, String organization, String author, Path file) {
        write(table, ReportInfo.of(title, organization, java.time.LocalDate.now(), author, "EBPM Workbench"), file);
    }

    private static List<TableCell> totals(String label, double[] v, int nc) {
        List<TableCell> row = new ArrayList<>();
        row.add(TableCell.text(label));
        for (int j = 0; j < nc; j++) {
            row.add(number(v[j]));
            row.add(TableCell.empty());
            row.add(TableCell.empty());
        }
        return row;
    }

    private static TableCell number(double v) {
        return Double.isNaN(v) ? TableCell.empty() : TableCell.number(v, v == Math.rint(v) ? CellFormat.INTEGER : CellFormat.DECIMAL1);
    }

    private static TableCell pct(double v) {
        return TableCell.percent(Double.isNaN(v) ? null : v / 100.0);
    }
}
