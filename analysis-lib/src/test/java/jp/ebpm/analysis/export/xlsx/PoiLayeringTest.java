package jp.ebpm.analysis.export.xlsx;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Only the io and export packages use Apache POI (the KPI and report packages go through the report writer). */
class PoiLayeringTest {

    @Test
    void onlyIoAndExportUsePoi() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("jp.ebpm.analysis");
        noClasses().that().resideOutsideOfPackages("jp.ebpm.analysis.io..", "jp.ebpm.analysis.export..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.poi..")
                .check(classes);
    }
}
