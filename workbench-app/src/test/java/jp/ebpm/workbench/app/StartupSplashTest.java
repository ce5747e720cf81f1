package jp.ebpm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.workbench.app.settings.WorkbenchHome;

/** The start-up splash (headless): it follows the task opening the start project and closes with it. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class StartupSplashTest {

    private final FxTaskRunner runner = new FxTaskRunner(1, (title, e) -> { });

    @AfterEach
    void close() {
        runner.close();
    }

    private static StartupSplash splash(Locale locale) {
        StartupSplash s = new StartupSplash(new Bundles(locale), Theme.detect());
        s.show();
        return s;
    }

    @Test
    void followsTheStartTaskWithItsProgressAndClosesWhenTheProjectIsOpen(FxRobot robot) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SimpleObjectProperty<String> opened = new SimpleObjectProperty<>();
        AtomicInteger closed = new AtomicInteger();
        AtomicReference<String> openAtClose = new AtomicReference<>();
        AtomicReference<StartupSplash> splash = new AtomicReference<>();
        robot.interact(() -> {
            splash.set(splash(Locale.ENGLISH));
            assertEquals("Starting…", splash.get().statusText());
            runner.run("Preparing the sample project", (p, c) -> {
                p.progress("Loading sample dataset kawasaki_wards", 2, 5);
                release.await();
                return "sample-project";
            }, opened::set);
            splash.get().follow(runner, opened, () -> {
                closed.incrementAndGet();
                openAtClose.set(opened.get());
            });
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> splash.get().progress() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Preparing the sample project: Loading sample dataset kawasaki_wards", splash.get().statusText());
        assertEquals(0.4, splash.get().progress(), 1e-9);
        assertTrue(splash.get().isShowing());
        assertEquals(0, closed.get());

        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !splash.get().isShowing());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, closed.get());
        // the runner drops the finished task before it hands over the result: the splash must see the result
        assertEquals("sample-project", openAtClose.get());
    }

    @Test
    void closesWhenTheStartTaskFailsSoTheErrorInTheMainWindowIsVisible(FxRobot robot) throws Exception {
        SimpleObjectProperty<String> opened = new SimpleObjectProperty<>();
        AtomicInteger closed = new AtomicInteger();
        AtomicReference<StartupSplash> splash = new AtomicReference<>();
        CountDownLatch release = new CountDownLatch(1);
        robot.interact(() -> {
            splash.set(splash(Locale.JAPANESE));
            assertEquals("起動しています…", splash.get().statusText());
            runner.run("open", (p, c) -> {
                release.await();
                throw new WorkbenchException("The project folder is not readable.");
            }, opened::set);
            splash.get().follow(runner, opened, closed::incrementAndGet);
        });
        assertTrue(splash.get().isShowing());
        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !splash.get().isShowing());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, opened.get());
        assertEquals(1, closed.get());
    }

    @Test
    void closesAtOnceWhenNoTaskRuns(FxRobot robot) {
        AtomicInteger closed = new AtomicInteger();
        AtomicReference<StartupSplash> splash = new AtomicReference<>();
        robot.interact(() -> {
            splash.set(splash(Locale.ENGLISH));
            splash.get().follow(runner, new SimpleObjectProperty<>(), closed::incrementAndGet);
        });
        assertFalse(splash.get().isShowing());
        assertEquals(1, closed.get());
    }

    @Test
    void runsTheNextStepOnlyAfterTheSplashHadTimeToBeDrawn(FxRobot robot) throws Exception {
        AtomicReference<StartupSplash> splash = new AtomicReference<>();
        AtomicReference<Boolean> showingThen = new AtomicReference<>();
        AtomicReference<Long> waitedNanos = new AtomicReference<>();
        robot.interact(() -> {
            splash.set(splash(Locale.ENGLISH));
            long shown = System.nanoTime();
            splash.get().afterFirstFrame(() -> {
                waitedNanos.set(System.nanoTime() - shown);
                showingThen.set(splash.get().isShowing());
            });
            assertEquals(null, showingThen.get(), "must not run within the same FX event");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showingThen.get() != null);
        assertTrue(showingThen.get());
        assertTrue(waitedNanos.get() >= StartupSplash.FIRST_FRAME_MILLIS * 1_000_000L, "waited " + waitedNanos.get());
        robot.interact(() -> splash.get().close());
    }

    @Test
    void theApplicationShowsTheSplashThenTheMainWindowWithTheStartProject(FxRobot robot, @TempDir Path temp)
            throws Exception {
        Path project = temp.resolve("start-project");
        Files.createDirectories(project);
        String oldHome = System.setProperty(WorkbenchHome.PROPERTY, temp.resolve("home").toString());
        String oldProject = System.setProperty(ProjectSession.PROJECT_PROPERTY, project.toString());
        AtomicReference<Stage> stage = new AtomicReference<>();
        try {
            robot.interact(() -> {
                stage.set(new Stage());
                new WorkbenchApp().start(stage.get());
                assertTrue(Window.getWindows().stream().anyMatch(w -> w.getScene() != null
                        && w.getScene().lookup("#startupSplash") != null && w.isShowing()), "splash first");
                assertFalse(stage.get().isShowing(), "the main window comes after the splash was drawn");
            });
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> stage.get().isShowing()
                    && Files.isRegularFile(project.resolve(Project.DB_FILE))
                    && Window.getWindows().stream().noneMatch(w -> w.getScene() != null
                            && w.getScene().lookup("#startupSplash") != null));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(stage.get().getTitle().endsWith("start-project"), stage.get().getTitle());
        } finally {
            robot.interact(() -> {
                if (stage.get() != null) {
                    stage.get().hide();
                }
            });
            restore(WorkbenchHome.PROPERTY, oldHome);
            restore(ProjectSession.PROJECT_PROPERTY, oldProject);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void theProbePrintsMillisecondsSinceTheProcessStartedOnlyWhenAskedTo() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        StartupProbe print = new StartupProbe("print", start, out);
        print.mark("splash-shown", start.plusMillis(812));
        assertFalse(print.exitWhenReady());
        StartupProbe exit = new StartupProbe("exit", start, out);
        exit.mark("start-project-open", start.plusMillis(4321));
        assertTrue(exit.exitWhenReady());
        new StartupProbe(null, start, out).mark("nothing", start.plusMillis(5));
        new StartupProbe("", start, out).mark("nothing", start.plusMillis(5));
        assertEquals("startup-probe: splash-shown 812 ms\nstartup-probe: start-project-open 4321 ms\n",
                buffer.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }
}
