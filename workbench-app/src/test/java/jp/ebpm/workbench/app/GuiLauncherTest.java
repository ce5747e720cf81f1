package jp.ebpm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Starting the GUI without a display gives one plain message instead of JavaFX's stack trace. */
class GuiLauncherTest {

    @Test
    void linuxWithoutDisplayIsRefusedWithAMessage() {
        Optional<String> p = GuiLauncher.displayProblem("Linux", Map.of());
        assertTrue(p.isPresent());
        assertTrue(p.get().contains("DISPLAY") && p.get().contains("workbench --help"), p.get());
        assertTrue(GuiLauncher.displayProblem("Linux", Map.of("DISPLAY", " ")).isPresent(), "a blank DISPLAY is none");
    }

    @Test
    void aDisplayOrAnotherSystemIsFine() {
        assertEquals(Optional.empty(), GuiLauncher.displayProblem("Linux", Map.of("DISPLAY", ":0")));
        assertEquals(Optional.empty(), GuiLauncher.displayProblem("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0")));
        assertEquals(Optional.empty(), GuiLauncher.displayProblem("Windows 11", Map.of()));
        assertEquals(Optional.empty(), GuiLauncher.displayProblem("Mac OS X", Map.of()));
    }
}
