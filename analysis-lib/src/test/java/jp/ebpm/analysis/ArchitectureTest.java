package jp.ebpm.analysis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * Layering of the library (docs/adr/0001): no JavaFX, DuckDB classes only in the store package, nothing
 * printed to standard streams, and java.awt used only for headless drawing (no windows or Swing).
 */
@AnalyzeClasses(packages = "jp.ebpm.analysis", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule NO_JAVAFX = noClasses().that().resideInAPackage("jp.ebpm.analysis..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the library runs headless and from the command line");

    @ArchTest
    static final ArchRule DUCKDB_ONLY_IN_STORE = noClasses().that().resideInAPackage("jp.ebpm.analysis..")
            .and().resideOutsideOfPackage("jp.ebpm.analysis.store..")
            .should().dependOnClassesThat().resideInAPackage("org.duckdb..")
            .because("other packages use standard java.sql on Project.connect()");

    @ArchTest
    static final ArchRule NO_STANDARD_STREAMS = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("the library logs through SLF4J and never prints");

    @ArchTest
    static final ArchRule NO_AWT_WINDOWS_OR_SWING = noClasses().that().resideInAPackage("jp.ebpm.analysis..")
            .should().dependOnClassesThat().areAssignableTo(java.awt.Component.class)
            .orShould().dependOnClassesThat().resideInAPackage("javax.swing..")
            .because("java.awt is allowed only for headless drawing (charts, maps), never for windows");
}
