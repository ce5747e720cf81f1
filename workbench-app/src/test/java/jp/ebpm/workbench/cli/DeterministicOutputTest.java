package jp.ebpm.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.sample.SampleProject;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Issue 10 "Deterministic output": the JSON and CSV outputs of the command line are byte-identical from run to run
 * (two separate JVMs, so hash-order differences of {@code Map.of} would show), timestamps aside: {@code catalog --json},
 * cross-tab JSON (with layers, missing rows, a 2×2 table's Fisher test) and CSV, KPI evaluation JSON and CSV, KPI
 * settings, map classification and the stored codebook. (It found the grading bands and Fisher keys in hash order.)
 */
class DeterministicOutputTest {

    @TempDir
    Path dir;

    @Test
    void everyJsonAndCsvOutputIsTheSameOnTwoRuns() throws Exception {
        Path project = SampleProject.ensure(dir, ProgressListener.NONE, Cancellation.none());
        Path kpis = SampleProject.locateSampleData().orElseThrow().resolve("kpi/kpi-register-sample.csv");
        Path mesh = SampleProject.locateSampleData().orElseThrow().resolve("survey/population.csv");
        String p = project.toString();
        List<String> cmds = List.of("catalog", "--project", p, "--json", ";;",
                "crosstab", "--project", p, "--dataset", "市民アンケート2018", "--rows", "q5", "--cols", "ward", "--layer", "sex", ";;",
                "crosstab", "--project", p, "--dataset", "市民アンケート2018", "--rows", "q5", "--cols", "ward", "--format", "csv", ";;",
                "crosstab", "--project", p, "--dataset", "市民アンケート2018", "--rows", "q4a", "--cols", "sex",
                "--show-missing", ";;",
                "crosstab", "--project", p, "--dataset", "市民アンケート2018", "--rows", "q3_1", "--cols", "q3_2", ";;",
                "kpi", "settings", "--project", p, ";;",
                "kpi", "evaluate", "--kpis", kpis.toString(), ";;",
                "kpi", "evaluate", "--kpis", kpis.toString(), "--format", "csv", ";;",
                "map", "classify", "--csv", mesh.toString(), "--column", "population", ";;",
                "codebook", "--project", p, "--dataset", "市民アンケート2018", ";;",
                "catalog", "--project", p);
        String first = run(dir.resolve("run1"), cmds);
        String second = run(dir.resolve("run2"), cmds);
        assertEquals(first, second);
        assertTrue(first.contains("\"columns\""), first.substring(0, Math.min(300, first.length())));
    }

    private static String run(Path out, List<String> cmds) throws Exception {
        Files.createDirectories(out);
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), RunCommands.class.getName(), out.toString()));
        argv.addAll(cmds);
        Process proc = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(out.resolve("jvm.log").toFile()).start();
        assertTrue(proc.waitFor(120, TimeUnit.SECONDS), "the helper JVM finished");
        assertEquals(0, proc.exitValue(), Files.readString(out.resolve("jvm.log")));
        StringBuilder all = new StringBuilder();
        int n = (int) cmds.stream().filter(";;"::equals).count() + 1;
        for (int i = 0; i < n; i++) {
            String s = Files.readString(out.resolve("out-" + i + ".txt"), StandardCharsets.UTF_8);
            assertTrue(s.startsWith("exit 0"), "command " + i + ": " + s);
            all.append(s).append("\n=====\n");
        }
        return all.toString();
    }
}
