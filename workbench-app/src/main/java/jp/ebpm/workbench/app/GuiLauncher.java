package jp.ebpm.workbench.app;

import java.util.Map;
import java.util.Optional;
import javafx.application.Application;

/** Starts the JavaFX application. */
public final class GuiLauncher {

    private GuiLauncher() {
    }

    public static void launch(String[] args) {
        Optional<String> problem = displayProblem(System.getProperty("os.name", ""), System.getenv());
        if (problem.isPresent()) {
            // without a display JavaFX fails with a stack trace ("Unable to open DISPLAY"); say what to do instead
            System.err.println("error: " + problem.get());
            System.exit(1);
        }
        Application.launch(WorkbenchApp.class, args);
    }

    /**
     * Why the window cannot open, or empty: on Linux and other X11/Wayland systems the GUI needs {@code DISPLAY} or
     * {@code WAYLAND_DISPLAY}; Windows and macOS always have a display.
     */
    static Optional<String> displayProblem(String osName, Map<String, String> env) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return Optional.empty();
        }
        if (!env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank()) {
            return Optional.empty();
        }
        return Optional.of("There is no graphical display (DISPLAY is not set), so the window cannot open. Start the"
                + " workbench from the desktop, or use the command line: workbench --help"
                + " / 画面がないためウィンドウを開けません。デスクトップから起動するか、コマンドライン（workbench --help）を使ってください。");
    }
}
