package jp.ebpm.workbench.app;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * The small window shown as soon as the JavaFX toolkit runs, before the main window is built: the
 * workbench name, what is happening and a progress bar. Once the main window is up it follows the task
 * that opens the start project, which on the very first start builds the sample project (several
 * seconds), and closes when that project is open, or when the task ends without one (the error then
 * shows in the main window).
 */
final class StartupSplash {

    /** Pulses to wait before heavy work (see {@link #afterFirstFrame}). */
    static final int FIRST_FRAME_PULSES = 3;
    /** Milliseconds to wait before heavy work (see {@link #afterFirstFrame}). */
    static final long FIRST_FRAME_MILLIS = 250;

    private final Stage stage = new Stage(StageStyle.UNDECORATED);
    private final Label status;
    private final ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final Bundles text;

    StartupSplash(Bundles text, Theme theme) {
        this.text = text;
        Label title = new Label(text.text("app.title"));
        title.getStyleClass().add("splash-title");
        status = new Label(text.text("splash.starting"));
        status.setId("splashStatus");
        status.getStyleClass().add("hint");
        bar.setId("splashProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        VBox root = new VBox(14, title, status, bar);
        root.setId("startupSplash");
        root.getStyleClass().add("splash");
        root.setPadding(new Insets(24));
        Scene scene = new Scene(root, 460, 150);
        theme.apply(scene);
        stage.setScene(scene);
        stage.setTitle(text.text("splash.title"));
        stage.setAlwaysOnTop(true);
    }

    /** Shows the splash in the middle of the screen. */
    void show() {
        stage.centerOnScreen();
        stage.show();
    }

    /**
     * Runs {@code next} on the FX thread once the splash has had time to be drawn: at least
     * {@value #FIRST_FRAME_PULSES} pulses and {@value #FIRST_FRAME_MILLIS} ms after {@link #show()}. Pulses
     * alone are not enough: the window system's map and configure events, which the first frame waits for,
     * are handled on the FX thread too, and on a busy PC they arrive after the first pulses; once heavy work
     * blocks the FX thread the splash would stay blank.
     */
    void afterFirstFrame(Runnable next) {
        long start = System.nanoTime();
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses >= FIRST_FRAME_PULSES && now - start >= FIRST_FRAME_MILLIS * 1_000_000L) {
                    stop();
                    next.run();
                }
            }
        }.start();
    }

    /**
     * Follows the first running task of {@code runner} (the one opening the start project): its title,
     * message and progress. Closes when {@code opened} has a value or when that task is no longer running;
     * closes at once when no task runs. {@code onClosed} runs after the splash closed.
     */
    void follow(FxTaskRunner runner, ObservableValue<?> opened, Runnable onClosed) {
        // Above the main window: alwaysOnTop where a window manager honours it, raised by hand elsewhere
        // (again after the main window's first frames, when it has really been mapped).
        stage.toFront();
        afterFirstFrame(stage::toFront);
        if (runner.running().isEmpty() || opened.getValue() != null) {
            close(onClosed);
            return;
        }
        FxTaskRunner.RunningTask start = runner.running().get(0);
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String message = start.task().getMessage();
            return message == null || message.isBlank() ? start.title()
                    : text.text("splash.task", start.title(), message);
        }, start.task().messageProperty()));
        bar.progressProperty().bind(start.task().progressProperty());
        opened.addListener((o, a, now) -> {
            if (now != null) {
                close(onClosed);
            }
        });
        runner.running().addListener((ListChangeListener<FxTaskRunner.RunningTask>) c -> {
            if (!runner.running().contains(start)) {
                // The runner removes a finished task before it hands over the result: look again afterwards,
                // so a success is seen as the project being open.
                Platform.runLater(() -> close(onClosed));
            }
        });
    }

    /** Closes the splash (again: nothing happens). */
    void close() {
        stage.hide();
    }

    private void close(Runnable onClosed) {
        if (stage.isShowing()) {
            stage.hide();
            onClosed.run();
        }
    }

    /** For tests: whether the splash is on screen. */
    boolean isShowing() {
        return stage.isShowing();
    }

    /** For tests: the status line. */
    String statusText() {
        return status.getText();
    }

    /** For tests: the progress shown, -1 when indeterminate. */
    double progress() {
        return bar.getProgress();
    }
}
