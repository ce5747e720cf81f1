package jp.ebpm.workbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Layering of the application (docs/adr/0001): the UI and the command line reach the database only through
 * analysis-lib's API, never through JDBC or DuckDB classes.
 */
@AnalyzeClasses(packages = "jp.ebpm.workbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule NO_JDBC = noClasses().that().resideInAPackage("jp.ebpm.workbench..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.duckdb..")
            .because("only analysis-lib opens database connections");

    @ArchTest
    static final ArchRule NO_FILE_FORMATS = noClasses().that().resideInAPackage("jp.ebpm.workbench..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.poi..", "org.apache.commons.csv..")
            .orShould().callMethod(java.nio.charset.Charset.class, "forName", String.class)
            .because("files are read through analysis-lib's input layer (jp.ebpm.analysis.io), the same for the UI and the CLI");
}
