package jp.ebpm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every resource bundle under {@code jp/ebpm/workbench/i18n/} (all features, found by listing the folder)
 * has an English and a Japanese file with the same keys, both valid UTF-8, with no empty text, and every
 * pattern with arguments is a valid {@link MessageFormat}.
 */
class BundleConsistencyTest {

    private static Path bundleFolder() throws Exception {
        return Path.of(BundleConsistencyTest.class.getResource("/jp/ebpm/workbench/i18n/main.properties").toURI())
                .getParent();
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        // Strict UTF-8: a file saved in another encoding fails here instead of showing mojibake.
        try (Reader r = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyBundleHasTheSameKeysInEnglishAndJapanese() throws Exception {
        List<Path> english;
        try (Stream<Path> files = Files.list(bundleFolder())) {
            english = files.filter(f -> f.toString().endsWith(".properties") && !f.getFileName().toString().contains("_"))
                    .sorted().toList();
        }
        assertFalse(english.isEmpty());
        for (Path en : english) {
            Path ja = en.resolveSibling(en.getFileName().toString().replace(".properties", "_ja.properties"));
            assertTrue(Files.isRegularFile(ja), "missing Japanese bundle for " + en.getFileName());
            Properties e = read(en);
            Properties j = read(ja);
            assertEquals(new TreeSet<>(e.stringPropertyNames()), new TreeSet<>(j.stringPropertyNames()),
                    "keys differ between " + en.getFileName() + " and " + ja.getFileName());
            for (Properties p : List.of(e, j)) {
                for (String key : p.stringPropertyNames()) {
                    String v = p.getProperty(key);
                    assertFalse(v.isBlank(), key + " is empty");
                    if (v.contains("{0")) {
                        new MessageFormat(v);
                    }
                }
            }
        }
    }

    @Test
    void everyJapaneseBundleHasAnEnglishOne() throws Exception {
        try (Stream<Path> files = Files.list(bundleFolder())) {
            files.filter(f -> f.getFileName().toString().endsWith("_ja.properties")).forEach(ja ->
                    assertTrue(Files.isRegularFile(ja.resolveSibling(ja.getFileName().toString().replace("_ja", ""))),
                            "missing English bundle for " + ja.getFileName()));
        }
    }

    @Test
    void englishIsChosenEvenOnAJapaneseSystem() {
        java.util.Locale old = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.JAPAN);
            assertEquals("Data", new Bundles(java.util.Locale.ENGLISH).text("tab.data"));
            assertEquals("データ", new Bundles(java.util.Locale.JAPAN).text("tab.data"));
        } finally {
            java.util.Locale.setDefault(old);
        }
    }
}
