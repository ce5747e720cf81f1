package jp.ebpm.workbench.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application (composition root of the UI). */
public final class WorkbenchApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("EBPM Workbench");
        stage.setScene(new Scene(new Label("EBPM Workbench"), 1200, 800));
        stage.show();
    }
}
