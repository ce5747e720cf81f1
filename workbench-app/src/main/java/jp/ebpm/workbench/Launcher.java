package jp.ebpm.workbench;

import jp.ebpm.workbench.cli.WorkbenchCli;

/**
 * Entry point of {@code workbench.jar}. With no arguments it starts the GUI; with a subcommand it runs
 * the command line headless and never starts the JavaFX toolkit. This class must not extend
 * {@code Application} (JavaFX on the class path refuses to start such a main class).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            jp.ebpm.workbench.app.GuiLauncher.launch(args);
            return;
        }
        System.exit(WorkbenchCli.run(args));
    }
}
