package jp.ebpm.workbench.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.location.LocationImportOptions;
import jp.ebpm.analysis.privacy.location.LocationService;
import jp.ebpm.analysis.privacy.location.PingImporter;
import jp.ebpm.analysis.privacy.location.SyntheticPings;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.workbench.app.TestAppContext;
import jp.ebpm.workbench.cli.CliTestSupport;

/**
 * Issue 10 "One rule, one place" for the location features: the command line and the Location tab's view model, on
 * the same project and pings, use the same area layer (the bundled wards when the project has none, with a note),
 * the same default k (the project's) and the same default output name, and so give the same guarded table.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class OneRuleLocationTest {

    static final String PASS = "one rule passphrase";

    @TempDir
    Path dir;
    Project project;

    @BeforeEach
    void pings() throws Exception {
        Path csv = dir.resolve("pings.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            new SyntheticPings().writeCsv(5000, 7, w, Cancellation.none());
        }
        project = Project.create(dir.resolve("p"));
        try (UnlockedVault v = UnlockedVault.openOrCreate(project, PASS.toCharArray())) {
            PingImporter.importPings(v, csv, LocationImportOptions.detect("pings", LocationImportOptions.Kind.PINGS),
                    (m, d, t) -> { }, Cancellation.none());
            // the project's k: the default of both (a privacy setting: changed only while unlocked, and audited)
            new LocationService(v).setProjectK(12);
        }
        CliTestSupport.usePassphrase(PASS);
    }

    @AfterEach
    void close() {
        CliTestSupport.usePassphrase(null);
        project.close();
    }

    @Test
    void commandLineAndViewModelUseTheSameAreasKAndOutputName(FxRobot robot) throws Exception {
        Path outDir = Files.createDirectories(dir.resolve("out"));
        CliTestSupport.Result r = CliTestSupport.run("location", "aggregate", "--project", project.directory().toString(),
                "--dataset", "pings", "--by", "ward", "--time", "hour", "--out", outDir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("bundled sample wards"), "the area rule's note: " + r.err());
        List<Path> written;
        try (var s = Files.list(outDir)) {
            written = s.toList();
        }
        assertEquals(1, written.size());

        TestAppContext ctx = new TestAppContext(project);
        LocationViewModel vm = new LocationViewModel(ctx, ctx.bundle("location"));
        robot.interact(() -> vm.unlock(PASS.toCharArray(), null));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.vault.get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, vm.k.get(), "the default k is the project's, as without --k");
        robot.interact(() -> vm.run(LocationViewModel.Operation.AGGREGATE));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.result.forOutput().isPresent());
        LocationViewModel.Computed c = vm.result.forOutput().orElseThrow();
        assertTrue(c.bundledAreas(), "the same fallback to the bundled wards");
        assertEquals(written.get(0).getFileName().toString(), vm.suggestedName("csv"), "the same default file name");
        List<String> cli = Files.readAllLines(written.get(0), StandardCharsets.UTF_8);
        List<String> app = new ArrayList<>();
        app.add(String.join(",", c.result().table().header()));
        for (List<String> row : c.result().table().textRows()) {
            app.add(String.join(",", row));
        }
        assertEquals(cli, app, "the same guarded table");
        robot.interact(() -> vm.lock());
    }
}
