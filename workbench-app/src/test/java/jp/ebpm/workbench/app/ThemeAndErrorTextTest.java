package jp.ebpm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.ebpm.analysis.WorkbenchException;

class ThemeAndErrorTextTest {

    @Test
    void theFirstInstalledJapaneseFamilyIsChosen() {
        assertEquals(Optional.of("IPAexGothic"),
                Theme.japaneseFamily(List.of("DejaVu Sans", "IPAGothic", "IPAexGothic")));
        assertEquals(Optional.empty(), Theme.japaneseFamily(List.of("DejaVu Sans")));
    }

    @Test
    void errorTextIsThePlainMessageOfTheWorkbenchCause() {
        WorkbenchException cause = new WorkbenchException("bad row", "a.csv", 3L, "区名", null);
        assertEquals("a.csv, line 3, column \"区名\": bad row", ErrorText.of(new RuntimeException("wrapped", cause)));
        assertEquals("NullPointerException", ErrorText.of(new NullPointerException()));
        assertEquals("plain", ErrorText.of(new IllegalStateException("plain")));
    }
}
