package jp.ebpm.workbench.survey;

import java.nio.file.Path;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

import jp.ebpm.analysis.export.xlsx.ReportInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.survey.Codebook;
import jp.ebpm.analysis.survey.CrossTabEngine;
import jp.ebpm.analysis.survey.CrossTabExport;
import jp.ebpm.analysis.survey.CrossTabResult;
import jp.ebpm.analysis.survey.CrossTabSpec;
import jp.ebpm.analysis.survey.WeightKind;
import jp.ebpm.workbench.app.AppContext;
import jp.ebpm.workbench.app.ShownResult;

/**
 * State of the cross-tab mode: the request (dataset, rows, columns, layer, weight and whether it is a sampling
 * weight, codebook, options, NET rows) and the result shown. The table is computed by the library's one call for
 * every caller ({@link CrossTabEngine#run}, which prepares the spec: stored codebook, raking margins of the weight,
 * Likert NET rows), so the tab shows what {@code workbench crosstab} and a report spec give. Exports take the
 * result on screen ({@link ShownResult}): none while a new table is computed.
 */
final class CrossTabViewModel {

    final StringProperty dataset = new SimpleStringProperty();
    final StringProperty rows = new SimpleStringProperty();
    final StringProperty cols = new SimpleStringProperty();
    /** Layer variable, or null. */
    final StringProperty layer = new SimpleStringProperty();
    /** Weight variable, or null. */
    final StringProperty weight = new SimpleStringProperty();
    final BooleanProperty sampling = new SimpleBooleanProperty();
    final ObjectProperty<Codebook> codebook = new SimpleObjectProperty<>(Codebook.empty());
    final ShownResult<CrossTabResult> result = new ShownResult<>();

    private final AppContext context;
    private final String taskTitle;

    CrossTabViewModel(AppContext context, String taskTitle) {
        this.context = context;
        this.taskTitle = taskTitle;
    }

    /** How the weight is used. */
    WeightKind weightKind() {
        return weight.get() == null ? WeightKind.NONE : sampling.get() ? WeightKind.SAMPLING : WeightKind.FREQUENCY;
    }

    /** The request of the current choices (before the library prepares it), or null when rows or columns are missing. */
    CrossTabSpec spec(boolean showMissing, double alpha, List<CrossTabSpec.Net> nets) {
        if (dataset.get() == null || rows.get() == null || cols.get() == null) {
            return null;
        }
        return new CrossTabSpec(dataset.get(), rows.get(), cols.get(), layer.get(), weight.get(), weightKind(),
                codebook.get(), showMissing, alpha, nets);
    }

    /** Computes the table of a request; it replaces the shown one when it arrives (then {@code onShown} runs). */
    Task<CrossTabResult> run(Project p, CrossTabSpec spec, java.util.function.Consumer<CrossTabResult> onShown) {
        return result.compute(context.tasks(), taskTitle, (progress, cancel) -> CrossTabEngine.run(p, spec, progress, cancel),
                onShown);
    }

    /** The default file name of the shown table (one rule with {@code workbench crosstab --out FOLDER}). */
    String suggestedName() {
        return result.forOutput().map(r -> jp.ebpm.analysis.export.OutputNames.crossTab(r.spec().table(), r.spec().rowVar(),
                r.spec().colVar(), r.spec().layerVar(), "xlsx")).orElse("crosstab.xlsx");
    }

    /**
     * Writes the shown result to an .xlsx workbook with its provenance (survey, question texts, weight and raking
     * margins, source file and SHA-256), the cover (organisation and author from the settings) and the chart on screen
     * (sheet グラフ; none when null); nothing while a new table is being computed.
     *
     * @return the export task, or null when there is nothing to export
     */
    Task<Path> exportXlsx(Project p, Path file, String organization, String author, String title,
                          org.jfree.chart.JFreeChart chart, java.util.function.Consumer<Path> done) {
        CrossTabResult r = result.forOutput().orElse(null);
        if (r == null || p == null) {
            return null;
        }
        return context.tasks().run(title, (progress, cancel) -> {
            CrossTabExport.writeXlsx(p, r, file, ReportInfo.of(CrossTabExport.title(r), organization, java.time.LocalDate.now(),
                    author, "EBPM Workbench"), chart);
            return file;
        }, done);
    }
}
