package jp.ebpm.analysis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.gis.map.ClassInput;
import jp.ebpm.analysis.kpi.KpiFiles;
import jp.ebpm.analysis.survey.CodebookIo;
import jp.ebpm.analysis.survey.MarginIo;

/**
 * Issue 10: every feature that reads a small delimited file reads it through the input layer, so a file in CP932,
 * EUC-JP or UTF-8 gives the same data, and a broken file gives the same message (file, line, words) whether it is a
 * KPI register, a codebook, a raking margin or a class-break input. Before, KPI registers fell back to CP932
 * silently, codebooks and margins were read as UTF-8 only, and class-break inputs had their own parser.
 */
class SameWordsEverywhereTest {

    @TempDir
    Path dir;

    /** The readers under test: each reads {@code file} or throws. */
    private static final List<Consumer<Path>> READERS = List.of(
            KpiFiles::read,
            CodebookIo::read,
            f -> MarginIo.parse("区=" + f.getFileName(), f.getParent(), null),
            f -> ClassInput.read(f, "人口"));

    private static final List<String> TEXTS = List.of(
            // a KPI register with one KPI and one actual
            "指標ID,施策,指標名,単位,方向,累計,累計入力,基準年度,基準値,目標年度,目標値,指標変更,出典,備考,令和3年度\n"
                    + "K01,施策1,データセット数,件,増加,no,,平成29年度,108,令和3年度,300,no,市,備考,305\n",
            "variable,question,type,code,label_ja\n区,区名,single,1,川崎区\n区,,,2,幸区\n",
            "区,人口\n川崎区,232000\n幸区,171000\n",
            "区,人口\n川崎区,232000\n幸区,171000\n");

    @ParameterizedTest
    @EnumSource(value = TextEncoding.class, names = {"UTF8", "CP932", "EUC_JP"})
    void everyReaderReadsTheEncodingAndGivesTheSameWordsForAnUnclosedQuote(TextEncoding enc) throws Exception {
        for (int i = 0; i < READERS.size(); i++) {
            Path ok = Files.write(dir.resolve("ok" + i + "-" + enc.name() + ".csv"), TEXTS.get(i).getBytes(enc.charset()));
            READERS.get(i).accept(ok);
            String broken = TEXTS.get(i).replaceFirst("\n([^\n]*)\n", "\n\"$1\n");
            Path bad = Files.write(dir.resolve("bad" + i + "-" + enc.name() + ".csv"), broken.getBytes(enc.charset()));
            Consumer<Path> reader = READERS.get(i);
            WorkbenchException e = assertThrows(WorkbenchException.class, () -> reader.accept(bad));
            assertEquals(bad.getFileName() + ", line 2: A quoted field that starts on this line is never closed (a \" is missing).",
                    e.getMessage(), "reader " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TextEncoding.class, names = {"CP932", "EUC_JP"})
    void codebookLabelsAndMarginsComeOutRightInEveryEncoding(TextEncoding enc) throws Exception {
        Path cb = Files.write(dir.resolve("cb.csv"), TEXTS.get(1).getBytes(enc.charset()));
        assertEquals("幸区", CodebookIo.read(cb).variable("区").orElseThrow().values().get(1).labelJa());
        Path m = Files.write(dir.resolve("m.csv"), TEXTS.get(2).getBytes(enc.charset()));
        assertEquals(171000.0, MarginIo.parse("区=m.csv", dir, null).targets().get(List.of("幸区")), 0.0);
        assertEquals(2, ClassInput.read(m, "人口").value().length);
    }
}
