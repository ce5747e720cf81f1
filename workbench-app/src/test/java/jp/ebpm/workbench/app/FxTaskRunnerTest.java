package jp.ebpm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.concurrent.Task;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.CancelledException;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FxTaskRunnerTest {

    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final FxTaskRunner runner = new FxTaskRunner(2, (title, e) -> errors.add(title + ": " + ErrorText.of(e)));

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void progressReachesTheTaskAndTheResultTheFxThread(FxRobot robot) throws Exception {
        AtomicReference<String> result = new AtomicReference<>();
        AtomicReference<Boolean> onFx = new AtomicReference<>();
        AtomicReference<String> message = new AtomicReference<>();
        AtomicReference<Task<String>> task = new AtomicReference<>();
        robot.interact(() -> task.set(runner.run("work", (p, c) -> {
            p.progress("half", 1, 2);
            return "done";
        }, r -> {
            onFx.set(javafx.application.Platform.isFxApplicationThread());
            message.set(task.get().getMessage());
            result.set(r);
        })));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> result.get() != null);
        assertEquals("done", result.get());
        assertTrue(onFx.get());
        assertEquals("half", message.get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.running().isEmpty());
    }

    @Test
    void aFailureIsReportedWithItsPlainMessageAndACancelIsNot(FxRobot robot) throws Exception {
        robot.interact(() -> {
            runner.run("import", (p, c) -> {
                throw new WorkbenchException("The file is empty.");
            }, r -> { });
            runner.run("other", (p, c) -> {
                throw new CancelledException();
            }, r -> { });
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.running().isEmpty() && !errors.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("import: The file is empty."), errors);
    }

    @Test
    void cancellingTheTaskCancelsTheLibraryWork(FxRobot robot) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Cancellation> seen = new AtomicReference<>();
        robot.interact(() -> runner.run("long", (p, c) -> {
            seen.set(c);
            started.countDown();
            while (true) {
                c.check();
                Thread.onSpinWait();
            }
        }, r -> { }));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.running().size() == 1);
        robot.interact(() -> runner.running().get(0).cancel());
        assertTrue(seen.get().isCancelled());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.running().isEmpty());
        assertTrue(errors.isEmpty());
    }
}
