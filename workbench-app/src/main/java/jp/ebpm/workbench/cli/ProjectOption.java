package jp.ebpm.workbench.cli;

import java.nio.file.Path;

import jp.ebpm.analysis.store.Project;
import picocli.CommandLine.Option;

/** The {@code --project DIR} option shared by subcommands. */
public final class ProjectOption {

    @Option(names = "--project", required = true, paramLabel = "DIR", description = "The project folder.")
    Path directory;

    /** Opens the project (the caller closes it). */
    public Project open() {
        return Project.open(directory);
    }

    /** Opens the project, creating it when the folder holds none. */
    public Project openOrCreate() {
        return Project.openOrCreate(directory);
    }
}
