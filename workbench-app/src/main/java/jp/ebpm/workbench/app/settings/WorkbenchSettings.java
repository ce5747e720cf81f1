package jp.ebpm.workbench.app.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the workbench remembers between runs: the UI language and the recently opened projects (most
 * recent first, at most {@value #MAX_RECENT}).
 *
 * @param language       the UI language
 * @param recentProjects project folders, most recent first
 */
public record WorkbenchSettings(UiLanguage language, List<Path> recentProjects) {

    /** How many recent projects are kept. */
    public static final int MAX_RECENT = 10;

    public WorkbenchSettings {
        language = language == null ? UiLanguage.SYSTEM : language;
        recentProjects = List.copyOf(recentProjects == null ? List.of() : recentProjects);
    }

    /** Settings of a first start. */
    public static WorkbenchSettings defaults() {
        return new WorkbenchSettings(UiLanguage.SYSTEM, List.of());
    }

    /** A copy with the project moved (or added) to the top of the recent list. */
    public WorkbenchSettings withRecent(Path project) {
        Path p = project.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>();
        list.add(p);
        for (Path q : recentProjects) {
            if (!q.equals(p) && list.size() < MAX_RECENT) {
                list.add(q);
            }
        }
        return new WorkbenchSettings(language, list);
    }

    /** A copy without that project in the recent list (e.g. its folder is gone). */
    public WorkbenchSettings withoutRecent(Path project) {
        Path p = project.toAbsolutePath().normalize();
        return new WorkbenchSettings(language, recentProjects.stream().filter(q -> !q.equals(p)).toList());
    }

    /** A copy with another language. */
    public WorkbenchSettings withLanguage(UiLanguage newLanguage) {
        return new WorkbenchSettings(newLanguage, recentProjects);
    }
}
