package jp.ebpm.workbench.cli.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import jp.ebpm.analysis.io.ImportOptions;
import jp.ebpm.analysis.io.Importer;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.QueryResult;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import jp.ebpm.workbench.app.data.DataViewModel;

/**
 * Speed of the data view on a 10,000,000-row dataset (issue #2: "opens showing its first rows within a
 * second and scrolls without freezing"). Measures the library calls the view makes, off the FX thread:
 * opening (catalog entry, one {@code count(*)}, the first page of {@value DataViewModel#PAGE_SIZE} rows)
 * and reading pages at random offsets (a scroll to anywhere). Prints medians and maxima in milliseconds.
 *
 * <p>Usage: {@code java -cp workbench.jar jp.ebpm.workbench.cli.bench.DataViewBench WORKDIR [ROWS]}. The
 * first run writes a CSV (id, timestamp, lat, lon) with DuckDB and imports it into WORKDIR/project.
 */
public final class DataViewBench {

    private static final String NAME = "points";

    private DataViewBench() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path work = Path.of(args[0]);
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        Files.createDirectories(work);
        try (Project project = Project.openOrCreate(work.resolve("project"))) {
            if (!project.catalog().exists(NAME)) {
                Path csv = work.resolve("points.csv");
                project.execute("COPY (SELECT range AS id, TIMESTAMP '2024-04-01' + to_seconds(range) AS ts,"
                        + " 35.5 + (range % 1000) / 10000.0 AS lat, 139.6 + (range % 997) / 10000.0 AS lon"
                        + " FROM range(" + rows + ")) TO " + Sql.literal(csv.toString()) + " (HEADER)");
                long t = System.nanoTime();
                Importer.importFile(project, csv, ImportOptions.defaults().withName(NAME), ProgressListener.NONE,
                        Cancellation.none());
                out.printf("import of %,d rows: %.1f s%n", rows, (System.nanoTime() - t) / 1e9);
            }
            List<Double> open = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long t = System.nanoTime();
                project.catalog().get(NAME);
                QueryResult count = project.query("SELECT count(*) FROM " + Sql.ident(NAME), 1, Cancellation.none());
                project.catalog().page(NAME, 0, DataViewModel.PAGE_SIZE);
                open.add((System.nanoTime() - t) / 1e6);
                if (i == 0) {
                    out.printf("rows counted: %,d%n", ((Number) count.get(0, 0)).longValue());
                }
            }
            List<Double> pages = new ArrayList<>();
            Random random = new Random(42);
            for (int i = 0; i < 30; i++) {
                long offset = (long) (random.nextDouble() * (rows - DataViewModel.PAGE_SIZE));
                long t = System.nanoTime();
                project.catalog().page(NAME, offset, DataViewModel.PAGE_SIZE);
                pages.add((System.nanoTime() - t) / 1e6);
            }
            out.printf("open (entry + count + first page): median %.0f ms, max %.0f ms (5 runs)%n",
                    median(open), Collections.max(open));
            out.printf("page of %d rows at a random offset: median %.0f ms, max %.0f ms (30 runs)%n",
                    DataViewModel.PAGE_SIZE, median(pages), Collections.max(pages));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
