package jp.ebpm.workbench.app;

import java.util.List;
import java.util.Optional;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.text.Font;

/**
 * The look of every window: the workbench stylesheet and an explicit Japanese-capable font family.
 * JavaFX's automatic fallback does not find Noto CJK (a TTC file), so the family is set by name on the
 * root of each scene (tech probe section 2). IPAPGothic (proportional) comes before IPAGothic (fixed
 * width), which makes menus and tables look like a terminal.
 */
public final class Theme {

    /** Preferred families, first available wins. */
    public static final List<String> JAPANESE_FAMILIES = List.of(
            "Noto Sans CJK JP", "IPAexGothic", "IPAPGothic", "IPAGothic", "Yu Gothic UI", "Meiryo", "Hiragino Sans");

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
        return JAPANESE_FAMILIES.stream().filter(installed::contains).findFirst();
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
