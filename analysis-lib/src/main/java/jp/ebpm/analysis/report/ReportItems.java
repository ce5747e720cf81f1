package jp.ebpm.analysis.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.export.xlsx.Provenance;
import jp.ebpm.analysis.export.xlsx.ReportTable;
import jp.ebpm.analysis.export.xlsx.ReportWriter;
import jp.ebpm.analysis.export.xlsx.SourceRef;
import jp.ebpm.analysis.gis.map.ChoroplethOptions;
import jp.ebpm.analysis.gis.map.ClassMethod;
import jp.ebpm.analysis.gis.map.ColorRamp;
import jp.ebpm.analysis.gis.map.LayerMaps;
import jp.ebpm.analysis.gis.map.MapRenderer;
import jp.ebpm.analysis.gis.map.MapSpec;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.survey.CodebookIo;
import jp.ebpm.analysis.survey.CrossTabEngine;
import jp.ebpm.analysis.survey.CrossTabExport;
import jp.ebpm.analysis.survey.CrossTabResult;
import jp.ebpm.analysis.survey.CrossTabSpec;
import jp.ebpm.analysis.survey.WeightKind;
import jp.ebpm.analysis.task.Cancellation;

/**
 * Report items computed from the project when the report is built: a survey cross-tab (through the
 * survey engine and {@link CrossTabExport#reportTables}) and a choropleth of a project layer (through the
 * GIS renderer), so a monthly report regenerates from current data in batch.
 */
final class ReportItems {

    /** Size of a map rendered into a report: fits an A4 landscape page at 150 dpi. */
    private static final int MAP_WIDTH = 1600;
    private static final int MAP_HEIGHT = 1100;

    private ReportItems() {
    }

    static void crosstab(ReportWriter w, Project project, ReportSpec.Item item, Provenance base, Cancellation cancel) {
        DatasetInfo info = checked(project, item.dataset());
        CrossTabSpec spec = CrossTabSpec.of(item.dataset(), item.option("rows"), item.option("cols"));
        if (item.option("weight") != null) {
            spec = spec.withWeight(item.option("weight"), WeightKind.FREQUENCY);
        } else if (item.option("surveyWeight") != null) {
            spec = spec.withWeight(item.option("surveyWeight"), WeightKind.SAMPLING);
        }
        if (item.option("layer") != null) {
            spec = spec.withLayer(item.option("layer"));
        }
        if (item.option("codebook") != null) {
            spec = spec.withCodebook(CodebookIo.read(Path.of(item.option("codebook"))));
        }
        // as `crosstab --project` and the Cross-tab tab: CrossTabEngine prepares the spec (the codebook stored with
        // the dataset when none is named, the raking margins of a sampling weight, Likert NET rows)
        CrossTabResult r = CrossTabEngine.run(project, spec, null, cancel);
        Provenance prov = new Provenance(List.of(ref(info)), base.filters(), base.weights(), base.suppression(),
                base.analyst(), base.createdAt());
        List<ReportTable> tables = new ArrayList<>(CrossTabExport.reportTables(r, prov));
        // the item's title names the overall table (and, with the layer value, each layer table); without one the
        // question texts do
        boolean titled = item.title() != null && !item.title().isBlank();
        for (int i = 0; i < tables.size(); i++) {
            ReportTable t = tables.get(i);
            if (t.title().equals("cells")) {
                continue;
            }
            String title = t.title();
            if (titled && i == 0) {
                title = item.title();
            } else if (titled && i <= r.layers().size()) {
                title = item.title() + " [" + r.spec().layerVar() + " = " + r.layers().get(i - 1).layer().label() + "]";
            } else if (titled && t.title().equals("statistics")) {
                title = item.title() + " statistics";
            }
            List<String> notes = new ArrayList<>(t.notes());
            notes.addAll(item.notes());
            w.addTable(new ReportTable(title, t.headerRows(), t.rows(), notes, t.provenance(), t.highlights(),
                    t.colorScales(), t.columnWidths()));
        }
    }

    static void layerMap(ReportWriter w, Project project, ReportSpec.Item item, Provenance base) {
        DatasetInfo info = checked(project, item.option("layer"));
        int classes = item.option("classes") == null ? 5 : Integer.parseInt(item.option("classes"));
        ClassMethod method = ClassMethod.parse(item.option("method") == null ? "jenks" : item.option("method"));
        ChoroplethOptions o = new ChoroplethOptions(item.option("value"), classes, method, null, ColorRamp.YL_OR_RD,
                null, false, 1, item.option("label"), item.title(), null, 0);
        MapSpec spec = LayerMaps.choropleth(project, info.name(), o);
        byte[] png = MapRenderer.renderPng(spec, MAP_WIDTH, MAP_HEIGHT, 150);
        Provenance prov = new Provenance(List.of(ref(info)), base.filters(), base.weights(), base.suppression(),
                base.analyst(), base.createdAt());
        w.addMap(item.title(), png, item.notes(), prov);
    }

    private static DatasetInfo checked(Project project, String name) {
        DatasetInfo info = project.catalog().get(name);
        if (info.sensitivity() == Sensitivity.PRIVATE) {
            throw new WorkbenchException("\"" + name + "\" holds private data: it can be reported only as aggregates"
                    + " that passed disclosure control.");
        }
        return info;
    }

    private static SourceRef ref(DatasetInfo d) {
        return new SourceRef(d.name(), d.sourceFile(), d.sourceSha256(), d.license());
    }
}
