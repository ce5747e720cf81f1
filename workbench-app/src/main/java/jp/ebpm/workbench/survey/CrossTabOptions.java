package jp.ebpm.workbench.survey;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Table options: missing codes as their own row, the significance level of markers and letters, and
 * which figures the cells show. Changing the figures only redraws; the other two apply to the next run.
 */
final class CrossTabOptions {

    private final CheckBox showMissing = new CheckBox();
    private final ComboBox<Double> alpha = new ComboBox<>(FXCollections.observableArrayList(0.01, 0.05, 0.10));
    private final Map<CrossTabGrid.Figure, CheckBox> figures = new EnumMap<>(CrossTabGrid.Figure.class);
    private final VBox root;

    CrossTabOptions(ResourceBundle text, Runnable onFiguresChanged) {
        showMissing.setId("showMissing");
        showMissing.setText(text.getString("survey.options.missing"));
        alpha.setId("alpha");
        alpha.setValue(0.05);
        FlowPane figs = new FlowPane(8, 4);
        for (CrossTabGrid.Figure f : CrossTabGrid.Figure.values()) {
            CheckBox b = new CheckBox(figureName(text, f));
            b.setId("fig-" + f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            b.setSelected(CrossTabGrid.DEFAULT_FIGURES.contains(f));
            b.selectedProperty().addListener((obs, o, n) -> onFiguresChanged.run());
            figures.put(f, b);
            figs.getChildren().add(b);
        }
        HBox first = new HBox(8, showMissing, new Label(text.getString("survey.options.alpha")), alpha);
        first.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(4, first, new Label(text.getString("survey.options.figures")), figs);
    }

    VBox node() {
        return root;
    }

    boolean showMissing() {
        return showMissing.isSelected();
    }

    double alpha() {
        return alpha.getValue() == null ? 0.05 : alpha.getValue();
    }

    /** The chosen figures (the default when none is ticked). */
    Set<CrossTabGrid.Figure> figures() {
        Set<CrossTabGrid.Figure> s = EnumSet.noneOf(CrossTabGrid.Figure.class);
        figures.forEach((f, b) -> {
            if (b.isSelected()) {
                s.add(f);
            }
        });
        return s.isEmpty() ? CrossTabGrid.DEFAULT_FIGURES : s;
    }

    /** Ticks exactly these figures. */
    void setFigures(Set<CrossTabGrid.Figure> chosen) {
        figures.forEach((f, b) -> b.setSelected(chosen.contains(f)));
    }

    static String figureName(ResourceBundle text, CrossTabGrid.Figure f) {
        return text.getString("survey.fig." + f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
    }
}
