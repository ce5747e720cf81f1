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

    /** Packages allowed to turn bytes into text and files into records: the input layer (and export, which writes). */
    private static final String[] IO = {"jp.ebpm.analysis.io..", "jp.ebpm.analysis.export.."};

    @ArchTest
    static final ArchRule ONLY_IO_DECODES_CHARSETS = noClasses().that().resideInAPackage("jp.ebpm.analysis..")
            .and().resideOutsideOfPackages(IO)
            // the audit log is the workbench's own UTF-8 file, never user input
            .and().resideOutsideOfPackage("jp.ebpm.analysis.privacy.audit..")
            .should().callMethod(java.nio.charset.Charset.class, "forName", String.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.nio.charset.CharsetDecoder.class)
            .orShould().callConstructorWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.base.DescribedPredicate.describe("InputStreamReader",
                                    o -> o.isAssignableTo(java.io.InputStreamReader.class)))))
            .orShould().callMethod(java.nio.file.Files.class, "readString", java.nio.file.Path.class)
            .orShould().callMethod(java.nio.file.Files.class, "readString", java.nio.file.Path.class, java.nio.charset.Charset.class)
            .orShould().callMethod(java.nio.file.Files.class, "newBufferedReader", java.nio.file.Path.class)
            .orShould().callMethod(java.nio.file.Files.class, "newBufferedReader", java.nio.file.Path.class, java.nio.charset.Charset.class)
            .orShould().callMethod(java.nio.file.Files.class, "readAllLines", java.nio.file.Path.class)
            .orShould().callMethod(java.nio.file.Files.class, "readAllLines", java.nio.file.Path.class, java.nio.charset.Charset.class)
            .because("text files are decoded by the input layer (jp.ebpm.analysis.io.TextFile, TextEncoding), so a CP932"
                    + " or EUC-JP file behaves the same everywhere (issue 10)");

    @ArchTest
    static final ArchRule ONLY_IO_AND_EXPORT_USE_POI = noClasses().that().resideInAPackage("jp.ebpm.analysis..")
            .and().resideOutsideOfPackages(IO)
            .should().dependOnClassesThat().resideInAPackage("org.apache.poi..")
            .because("workbooks are opened by the one sheet reader (jp.ebpm.analysis.io.SheetGrid, with POI's zip-bomb"
                    + " limits set in PoiLimits) and written by export");

    @ArchTest
    static final ArchRule ONLY_IO_PARSES_CSV = noClasses().that().resideInAPackage("jp.ebpm.analysis..")
            .and().resideOutsideOfPackage("jp.ebpm.analysis.io..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.commons.csv..")
            .because("delimited text is split into records by jp.ebpm.analysis.io.DelimitedText (true line numbers) or by DuckDB");

    @ArchTest
    static final ArchRule ONLY_IO_OPENS_ARCHIVES = noClasses().that().resideInAPackage("jp.ebpm.analysis..")
            .and().resideOutsideOfPackages(IO)
            .should().dependOnClassesThat().haveFullyQualifiedName(java.util.zip.ZipInputStream.class.getName())
            .orShould().dependOnClassesThat().haveFullyQualifiedName(java.util.zip.ZipFile.class.getName())
            .because("archives are read by jp.ebpm.analysis.io.SafeZip, which caps the inflated size and ratio");

    @ArchTest
    static final ArchRule NO_AWT_WINDOWS_OR_SWING = noClasses().that().resideInAPackage("jp.ebpm.analysis..")
            .should().dependOnClassesThat().areAssignableTo(java.awt.Component.class)
            .orShould().dependOnClassesThat().resideInAPackage("javax.swing..")
            .because("java.awt is allowed only for headless drawing (charts, maps), never for windows");
}
