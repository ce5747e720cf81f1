package jp.ebpm.workbench.survey;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

import jp.ebpm.analysis.survey.CrossTab;
import jp.ebpm.analysis.survey.chart.SurveyCharts;
import jp.ebpm.workbench.app.AppContext;

/**
 * The chart beside the table: 100% stacked bars (default), grouped bars, or a population pyramid when the
 * table looks like age × sex (at least three rows, two or three columns: the first column is drawn to the
 * left, the second to the right, counts). Saves the chart as PNG or SVG through {@link SurveyCharts}.
 */
final class CrossTabChart {

    /** Chart kinds. */
    enum Kind { STACKED, GROUPED, PYRAMID }

    private final AppContext context;
    private final ResourceBundle text;
    private final ComboBox<Kind> kind = new ComboBox<>(FXCollections.observableArrayList(Kind.values()));
    private ChartViewer viewer = new ChartViewer();
    private final Button save = new Button();
    private final BorderPane root = new BorderPane();
    private CrossTab table;
    private String title = "";
    private boolean ordered;
    private final javafx.beans.property.BooleanProperty noChart = new javafx.beans.property.SimpleBooleanProperty(true);
    private javafx.beans.value.ObservableBooleanValue busy = new javafx.beans.property.SimpleBooleanProperty(false);

    CrossTabChart(AppContext context, ResourceBundle text) {
        this.context = context;
        this.text = text;
        kind.setId("chartType");
        kind.setValue(Kind.STACKED);
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Kind k) {
                return k == null ? "" : text.getString("survey.chart." + k.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public Kind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().addListener((obs, o, n) -> redraw());
        save.setId("saveChart");
        save.setText(text.getString("survey.chart.save"));
        save.disableProperty().bind(noChart);
        save.setOnAction(e -> chooseFile());
        viewer.setId("chart");
        Label kindLabel = new Label(text.getString("survey.chart.kind"));
        kindLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        kind.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox bar = new HBox(6, kindLabel, kind, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        root.setTop(bar);
        root.setCenter(viewer);
    }

    BorderPane node() {
        return root;
    }

    /** While {@code computing} is true the chart shows a table about to be replaced: saving is off. */
    void bindBusy(javafx.beans.value.ObservableBooleanValue computing) {
        this.busy = computing;
        save.disableProperty().unbind();
        save.disableProperty().bind(noChart.or(javafx.beans.binding.BooleanExpression.booleanExpression(computing)));
    }

    /** Whether a pyramid makes sense for this table. */
    static boolean pyramidSensible(CrossTab t) {
        return t != null && t.rows().size() >= 3 && (t.cols().size() == 2 || t.cols().size() == 3);
    }

    /** Shows a table (null clears). */
    void show(CrossTab t, String chartTitle) {
        show(t, chartTitle, false);
    }

    /** Shows a table; {@code orderedScale}: the rows are a Likert scale, drawn in diverging colours. */
    void show(CrossTab t, String chartTitle, boolean orderedScale) {
        this.table = t;
        this.title = chartTitle;
        this.ordered = orderedScale;
        boolean pyramid = pyramidSensible(t);
        kind.setItems(FXCollections.observableArrayList(pyramid ? List.of(Kind.values()) : List.of(Kind.STACKED, Kind.GROUPED)));
        if (kind.getValue() == null || (!pyramid && kind.getValue() == Kind.PYRAMID)) {
            kind.setValue(Kind.STACKED);
        }
        redraw();
    }

    ComboBox<Kind> kindBox() {
        return kind;
    }

    /** The chart of the current table and kind, or null. */
    JFreeChart chart() {
        if (table == null || table.rows().isEmpty() || table.cols().isEmpty()) {
            return null;
        }
        Kind k = kind.getValue() == null ? Kind.STACKED : kind.getValue();
        return switch (k) {
            case GROUPED -> SurveyCharts.grouped(table, title);
            case PYRAMID -> pyramid(table, title);
            default -> SurveyCharts.stackedPercent(table, title, ordered);
        };
    }

    private static JFreeChart pyramid(CrossTab t, String title) {
        int n = t.rows().size();
        double[] left = new double[n];
        double[] right = new double[n];
        for (int i = 0; i < n; i++) {
            left[i] = t.table().counts()[i][0];
            right[i] = t.table().counts()[i][1];
        }
        return SurveyCharts.pyramid(t.rows().stream().map(c -> c.label()).toList(), left, right, t.cols().get(0).label(),
                t.cols().get(1).label(), title);
    }

    private void redraw() {
        JFreeChart c = chart();
        // a fresh viewer per chart: a ChartViewer that drew one of these charts paints the next one's background black
        // (FXGraphics2D state left over from the previous drawing)
        viewer = new ChartViewer(c);
        viewer.setId("chart");
        root.setCenter(viewer);
        noChart.set(c == null);
    }

    private void chooseFile() {
        jp.ebpm.workbench.app.FileDialogs.save(context, text.getString("survey.chart.save"), "crosstab-chart.png",
                new FileChooser.ExtensionFilter("PNG", "*.png"), new FileChooser.ExtensionFilter("SVG", "*.svg"))
                .ifPresent(this::save);
    }

    /** Writes the current chart as SVG when the name ends in .svg, else PNG (1200 × 800), as a task. */
    void save(Path file) {
        JFreeChart c = busy.get() ? null : chart();
        if (c == null) {
            return;
        }
        boolean svg = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg");
        context.tasks().run(text.getString("survey.task.chart"), (progress, cancel) -> {
            if (svg) {
                SurveyCharts.writeSvg(c, file, 1200, 800);
            } else {
                SurveyCharts.writePng(c, file, 1200, 800);
            }
            return file;
        }, done -> { });
    }
}
