package jp.ebpm.workbench.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The English and Japanese survey bundles hold the same keys. */
class SurveyBundleTest {

    @Test
    void bothLanguagesHaveTheSameKeys() {
        ResourceBundle en = ResourceBundle.getBundle("jp.ebpm.workbench.i18n.survey", Locale.ROOT);
        ResourceBundle ja = ResourceBundle.getBundle("jp.ebpm.workbench.i18n.survey", Locale.JAPANESE);
        assertEquals(new TreeSet<>(en.keySet()), new TreeSet<>(ja.keySet()));
        assertEquals("クロス集計", ja.getString("survey.title"));
    }
}
