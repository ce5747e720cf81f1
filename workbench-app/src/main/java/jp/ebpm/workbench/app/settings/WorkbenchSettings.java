package jp.ebpm.workbench.app.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the workbench remembers between runs: the UI language, the recently opened projects (most
 * recent first, at most {@value #MAX_RECENT}), and the organisation and author written on report covers.
 *
 * @param language       the UI language
 * @param recentProjects project folders, most recent first
 * @param organization   organisation on report covers (e.g. 川崎市 総務企画局), or empty
 * @param author         author on report covers, or empty for the login name
 */
public record WorkbenchSettings(UiLanguage language, List<Path> recentProjects, String organization, String author) {

    /** How many recent projects are kept. */
    public static final int MAX_RECENT = 10;

    public WorkbenchSettings {
        language = language == null ? UiLanguage.SYSTEM : language;
        recentProjects = List.copyOf(recentProjects == null ? List.of() : recentProjects);
        organization = organization == null ? "" : organization.strip();
        author = author == null ? "" : author.strip();
    }

    /** Settings without cover fields. */
    public WorkbenchSettings(UiLanguage language, List<Path> recentProjects) {
        this(language, recentProjects, "", "");
    }

    /** A copy with other cover fields. */
    public WorkbenchSettings withCover(String newOrganization, String newAuthor) {
        return new WorkbenchSettings(language, recentProjects, newOrganization, newAuthor);
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
        return new WorkbenchSettings(language, list, organization, author);
    }

    /** A copy without that project in the recent list (e.g. its folder is gone). */
    public WorkbenchSettings withoutRecent(Path project) {
        Path p = project.toAbsolutePath().normalize();
        return new WorkbenchSettings(language, recentProjects.stream().filter(q -> !q.equals(p)).toList(), organization, author);
    }

    /** A copy with another language. */
    public WorkbenchSettings withLanguage(UiLanguage newLanguage) {
        return new WorkbenchSettings(newLanguage, recentProjects, organization, author);
    }
}
