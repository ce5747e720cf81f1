package jp.ebpm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.workbench.app.settings.SettingsStore;
import jp.ebpm.workbench.app.settings.UiLanguage;
import jp.ebpm.workbench.app.settings.WorkbenchHome;
import jp.ebpm.workbench.app.settings.WorkbenchSettings;

/** Which project opens at start, and the recent list. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ProjectSessionTest {

    @TempDir
    Path temp;
    private ProjectSession session;

    @AfterEach
    void close(FxRobot robot) {
        if (session != null) {
            robot.interact(session::close);
        }
    }

    private ProjectSession session(WorkbenchSettings saved) throws Exception {
        SettingsStore store = new SettingsStore(new WorkbenchHome(temp.resolve("home")));
        store.save(saved);
        session = new ProjectSession(store, new TestAppContext(null).tasks(), new EmptySampleProjectProvider(),
                new Bundles(Locale.ENGLISH));
        return session;
    }

    private Path opened() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session.project().get() != null);
        return session.project().get().directory();
    }

    @Test
    void theFirstStartOpensTheSampleProjectAndRemembersIt(FxRobot robot) throws Exception {
        ProjectSession s = session(new WorkbenchSettings(UiLanguage.SYSTEM, List.of(temp.resolve("gone"))));
        robot.interact(() -> s.startup(null));
        Path sample = temp.resolve("home").resolve(EmptySampleProjectProvider.FOLDER).toAbsolutePath();
        assertEquals(sample, opened());
        assertEquals(sample, new SettingsStore(new WorkbenchHome(temp.resolve("home"))).load().recentProjects().get(0));
    }

    @Test
    void laterStartsOpenTheMostRecentExistingProject(FxRobot robot) throws Exception {
        Project.create(temp.resolve("a")).close();
        Project.create(temp.resolve("b")).close();
        ProjectSession s = session(new WorkbenchSettings(UiLanguage.SYSTEM,
                List.of(temp.resolve("gone"), temp.resolve("b"), temp.resolve("a"))));
        robot.interact(() -> s.startup(null));
        assertEquals(temp.resolve("b").toAbsolutePath(), opened());
    }

    @Test
    void theWorkbenchProjectPropertyWinsAndIsCreatedWhenMissing(FxRobot robot) throws Exception {
        Project.create(temp.resolve("a")).close();
        ProjectSession s = session(new WorkbenchSettings(UiLanguage.SYSTEM, List.of(temp.resolve("a"))));
        robot.interact(() -> s.startup(temp.resolve("fresh")));
        assertEquals(temp.resolve("fresh").toAbsolutePath(), opened());
        assertTrue(session.project().get().catalog().list().isEmpty());
        assertEquals(List.of(temp.resolve("fresh").toAbsolutePath(), temp.resolve("a")),
                session.settings().recentProjects());
    }
}
