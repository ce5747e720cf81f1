package jp.ebpm.workbench.app.importwizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import jp.ebpm.analysis.io.ImportOptions;
import jp.ebpm.analysis.io.ImportPreview;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.workbench.app.TestAppContext;
import jp.ebpm.workbench.app.TestProjects;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ImportWizardViewModelTest {

    @TempDir
    Path dir;
    private Project project;
    private ImportWizardViewModel model;

    @BeforeEach
    void open() {
        project = Project.open(TestProjects.wardProject(dir.resolve("p")));
        model = new ImportWizardViewModel(new TestAppContext(project));
    }

    @AfterEach
    void close() {
        project.close();
    }

    @Test
    void theDefaultNameIsTheFileNameWithoutExtension() {
        assertEquals("市民アンケート2018", ImportWizardViewModel.defaultName(Path.of("市民アンケート2018.csv")));
        assertEquals("data.v2", ImportWizardViewModel.defaultName(Path.of("data.v2.xlsx")));
        assertEquals("README", ImportWizardViewModel.defaultName(Path.of("README")));
    }

    @Test
    void aTakenOrReservedNameIsRefusedButNothingIsSaidBeforeAFileIsChosen(FxRobot robot) {
        robot.interact(model::validateName);
        assertEquals("", model.nameError().get());
        robot.interact(() -> model.name().set("区別人口"));
        assertTrue(model.nameError().get().contains("already exists"));
        robot.interact(() -> model.name().set("_wb_mine"));
        assertFalse(model.nameError().get().isEmpty());
        robot.interact(() -> model.name().set("新しい表"));
        assertEquals("", model.nameError().get());
    }

    @Test
    void optionsCarryTheChoicesAndOnlyChangedTypes(FxRobot robot) {
        robot.interact(() -> {
            model.name().set("人口 ");
            model.encoding().set("cp932");
            model.kind().set(DatasetKind.STATISTICS);
            model.sensitivity().set(Sensitivity.OPEN);
            model.preview().set(new ImportPreview("csv", "cp932", ',', true, List.of(), 0,
                    List.of(new ColumnInfo("区名", "VARCHAR"), new ColumnInfo("人口", "BIGINT")),
                    List.of(List.of("川崎区", "232000")), List.of()));
            model.typeOverrides().put("区名", "VARCHAR");
            model.typeOverrides().put("人口", "DOUBLE");
        });
        ImportOptions o = model.options();
        assertEquals("人口", o.name());
        assertEquals("cp932", o.encoding());
        assertEquals(DatasetKind.STATISTICS, o.kind());
        assertEquals(Sensitivity.OPEN, o.sensitivity());
        assertNull(o.skipRows());
        assertEquals(Map.of("人口", "DOUBLE"), o.columnTypes());
        assertTrue(model.canImport());
    }

    @Test
    void autoEncodingLetsTheImporterDetect() {
        assertNull(model.options().encoding());
    }
}
