package jp.ebpm.analysis.io;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one choice of a Japanese-capable font family for everything the workbench draws: maps, charts, report
 * images (Java2D) and the JavaFX windows (which pass JavaFX's installed families to {@link #pick}). Java's and
 * JavaFX's automatic fallback does not find every CJK font (Noto CJK is a TTC collection, tech probe section 2),
 * so the family is named explicitly.
 *
 * <p>Order: Noto Sans CJK JP, IPAexGothic, IPAPGothic (proportional, before the fixed-width IPAGothic that makes
 * menus and tables look like a terminal), IPAGothic, Yu Gothic UI, Meiryo, Hiragino Sans, TakaoGothic, VL Gothic;
 * the first installed wins. Without any, Java2D uses the logical font {@code SansSerif}.
 *
 * @since 0.1
 */
public final class JapaneseFonts {

    /** Preferred families, first installed wins. */
    public static final List<String> PREFERRED = List.of("Noto Sans CJK JP", "IPAexGothic", "IPAPGothic", "IPAGothic",
            "Yu Gothic UI", "Meiryo", "Hiragino Sans", "TakaoGothic", "VL Gothic");

    private static volatile String java2d;

    private JapaneseFonts() {
    }

    /** The first preferred family among the installed ones. */
    public static Optional<String> pick(Collection<String> installed) {
        Set<String> set = Set.copyOf(installed);
        return PREFERRED.stream().filter(set::contains).findFirst();
    }

    /** The family Java2D drawing uses on this machine (chosen once). */
    public static String family() {
        String f = java2d;
        if (f == null) {
            f = pick(List.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()))
                    .orElse(Font.SANS_SERIF);
            java2d = f;
        }
        return f;
    }

    /** A Java2D font of the chosen family. */
    public static Font font(int style, float size) {
        return new Font(family(), style, 12).deriveFont(size);
    }
}
