package jp.ebpm.workbench.app;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The status bar: a ready message, or one entry per running task with its title, progress bar, current
 * message and a cancel button.
 */
final class TaskStatusBar {

    private final HBox root = new HBox(12);
    private final HBox tasks = new HBox(16);
    private final Label idle;
    private final Label project = new Label();

    TaskStatusBar(FxTaskRunner runner, Bundles text) {
        idle = new Label(text.text("status.ready"));
        idle.setId("statusNotice");
        root.getStyleClass().add("status-bar");
        root.setAlignment(Pos.CENTER_LEFT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        project.getStyleClass().add("hint");
        root.getChildren().addAll(idle, tasks, spacer, project);
        runner.running().addListener((ListChangeListener<FxTaskRunner.RunningTask>) c -> rebuild(runner, text));
    }

    HBox node() {
        return root;
    }

    /** Shows a short notice (e.g. "wrote crosstab.xlsx") in place of the ready message until the next one. */
    void setNotice(String s) {
        idle.setText(s);
    }

    /** Shows the open project's folder at the right. */
    void setProjectText(String s) {
        project.setText(s);
    }

    private void rebuild(FxTaskRunner runner, Bundles text) {
        tasks.getChildren().clear();
        for (FxTaskRunner.RunningTask t : runner.running()) {
            Label title = new Label(t.title());
            ProgressBar bar = new ProgressBar();
            bar.setPrefWidth(140);
            bar.progressProperty().bind(t.task().progressProperty());
            Label message = new Label();
            message.textProperty().bind(t.task().messageProperty());
            message.getStyleClass().add("hint");
            message.setMaxWidth(260);
            Button cancel = new Button(text.text("status.cancel"));
            cancel.setTooltip(new Tooltip(text.text("status.cancel.tooltip", t.title())));
            cancel.getStyleClass().add("task-cancel");
            cancel.setOnAction(e -> t.cancel());
            HBox entry = new HBox(title, bar, message, cancel);
            entry.getStyleClass().add("status-task");
            tasks.getChildren().add(entry);
        }
        idle.setVisible(runner.running().isEmpty());
        idle.setManaged(runner.running().isEmpty());
    }
}
