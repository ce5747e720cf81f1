package jp.ebpm.workbench.app;

import java.util.List;
import java.util.Optional;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.text.Font;
import jp.ebpm.analysis.io.JapaneseFonts;

/**
 * The look of every window: the workbench stylesheet and an explicit Japanese-capable font family, chosen
 * by the library's one font picker ({@link JapaneseFonts}) from JavaFX's installed families. JavaFX's
 * automatic fallback does not find Noto CJK (a TTC file), so the family is set by name on the root of each
 * scene (tech probe section 2).
 */
public final class Theme {

    /** Preferred families, first available wins: the library's one list ({@link JapaneseFonts#PREFERRED}). */
    public static final List<String> JAPANESE_FAMILIES = JapaneseFonts.PREFERRED;

    private static final String CSS = Theme.class.getResource("workbench.css").toExternalForm();

    private final String fontStyle;

    private Theme(String fontStyle) {
        this.fontStyle = fontStyle;
    }

    /** Chooses the font from the families installed on this machine. */
    public static Theme detect() {
        return new Theme(japaneseFamily(Font.getFamilies()).map(f -> "-fx-font-family: '" + f + "';").orElse(""));
    }

    /** The first preferred family that is installed. */
    static Optional<String> japaneseFamily(List<String> installed) {
        return JapaneseFonts.pick(installed);
    }

    /** Styles a scene (main window). */
    public void apply(Scene scene) {
        scene.getStylesheets().add(CSS);
        apply(scene.getRoot());
    }

    /** Styles the root of a window's content. */
    public void apply(Parent root) {
        if (!fontStyle.isEmpty()) {
            root.setStyle(fontStyle + root.getStyle());
        }
    }

    /** Styles a dialog. */
    public void apply(Dialog<?> dialog) {
        dialog.getDialogPane().getStylesheets().add(CSS);
        apply(dialog.getDialogPane());
    }
}
