package jp.ebpm.workbench.cli;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.survey.Codebook;
import jp.ebpm.analysis.survey.CodebookIo;
import jp.ebpm.analysis.survey.ProjectCodebooks;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code workbench codebook}: shows, stores, drafts or removes the codebook stored with a project dataset
 * (see docs/survey.md).
 */
@Command(name = "codebook", mixinStandardHelpOptions = true,
        description = "Show or change the survey codebook stored with a dataset of the project. "
                + "Without --set/--infer/--remove the stored codebook is written as CSV (to --out or standard output).")
final class CodebookCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--dataset", required = true, paramLabel = "D", description = "The dataset.")
    String dataset;

    @ArgGroup(exclusive = true)
    Change change;

    static final class Change {
        @Option(names = "--set", paramLabel = "F", description = "Store the codebook of this .csv or .xlsx file with the dataset.")
        Path set;

        @Option(names = "--infer", description = "Draft a codebook from the dataset's values and store it.")
        boolean infer;

        @Option(names = "--remove", description = "Remove the stored codebook.")
        boolean remove;
    }

    @Option(names = "--out", paramLabel = "F", description = "Write the (new) stored codebook to this CSV file.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Project p = project.open()) {
            p.catalog().get(dataset);
            if (change != null && change.remove) {
                ProjectCodebooks.remove(p, dataset);
                spec.commandLine().getOut().println("Removed the codebook of " + dataset + ".");
                return 0;
            }
            Codebook cb;
            if (change != null && change.set != null) {
                cb = CodebookIo.read(change.set);
                ProjectCodebooks.save(p, dataset, cb);
            } else if (change != null && change.infer) {
                cb = ProjectCodebooks.infer(p, dataset);
                ProjectCodebooks.save(p, dataset, cb);
            } else {
                cb = ProjectCodebooks.load(p, dataset).orElseThrow(() -> new WorkbenchException("The dataset \"" + dataset
                        + "\" has no stored codebook. Store one with --set FILE or --infer."));
            }
            if (change != null) {
                spec.commandLine().getOut().println("Stored a codebook of " + cb.variables().size() + " variables with "
                        + dataset + ".");
            }
            if (out != null) {
                CodebookIo.writeCsv(cb, out);
            } else if (change == null) {
                StringWriter w = new StringWriter();
                CodebookIo.writeCsv(cb, w);
                spec.commandLine().getOut().print(w);
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
