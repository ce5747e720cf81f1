package jp.ebpm.workbench.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The English and Japanese survey bundle files hold exactly the same keys. */
class SurveyBundleTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = SurveyBundleTest.class.getResourceAsStream("/jp/ebpm/workbench/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Properties en = load("survey.properties");
        Properties ja = load("survey_ja.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(ja.stringPropertyNames()));
        assertEquals("クロス集計", ja.getProperty("survey.title"));
    }
}
