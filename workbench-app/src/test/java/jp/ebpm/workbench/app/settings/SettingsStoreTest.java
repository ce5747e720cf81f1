package jp.ebpm.workbench.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path home;

    @Test
    void settingsSurviveASaveAndLoad() throws Exception {
        SettingsStore store = new SettingsStore(new WorkbenchHome(home.resolve("wb")));
        WorkbenchSettings s = WorkbenchSettings.defaults().withLanguage(UiLanguage.JAPANESE)
                .withRecent(home.resolve("a")).withRecent(home.resolve("b プロジェクト"));
        store.save(s);
        assertEquals(s, store.load());
    }

    @Test
    void aMissingOrDamagedFileGivesTheDefaults() throws Exception {
        SettingsStore store = new SettingsStore(new WorkbenchHome(home));
        assertEquals(WorkbenchSettings.defaults(), store.load());
        Files.writeString(home.resolve("settings.json"), "{not json");
        assertEquals(WorkbenchSettings.defaults(), store.load());
    }

    @Test
    void theRecentListPutsTheLatestFirstWithoutDuplicatesAndKeepsTen() {
        WorkbenchSettings s = WorkbenchSettings.defaults();
        for (int i = 0; i < 12; i++) {
            s = s.withRecent(home.resolve("p" + i));
        }
        s = s.withRecent(home.resolve("p5"));
        assertEquals(WorkbenchSettings.MAX_RECENT, s.recentProjects().size());
        assertEquals(home.resolve("p5"), s.recentProjects().get(0));
        assertEquals(home.resolve("p11"), s.recentProjects().get(1));
        assertEquals(1, s.recentProjects().stream().filter(p -> p.endsWith("p5")).count());
        assertEquals(List.of(), WorkbenchSettings.defaults().withRecent(home).withoutRecent(home).recentProjects());
    }

    @Test
    void theHomeFolderIsOverriddenBySystemProperty() {
        String old = System.getProperty(WorkbenchHome.PROPERTY);
        try {
            System.setProperty(WorkbenchHome.PROPERTY, home.toString());
            assertEquals(home.toAbsolutePath(), WorkbenchHome.fromSystem().directory());
        } finally {
            if (old == null) {
                System.clearProperty(WorkbenchHome.PROPERTY);
            } else {
                System.setProperty(WorkbenchHome.PROPERTY, old);
            }
        }
    }
}
