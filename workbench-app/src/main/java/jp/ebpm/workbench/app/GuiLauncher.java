package jp.ebpm.workbench.app;

import javafx.application.Application;

/** Starts the JavaFX application. */
public final class GuiLauncher {

    private GuiLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
