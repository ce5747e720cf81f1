package jp.ebpm.workbench.app;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Loads the UI text of a feature from {@code jp/ebpm/workbench/i18n/<feature>.properties} (English) and
 * {@code <feature>_ja.properties} (Japanese, UTF-8) for one locale. The default locale is not used as a
 * fallback, so choosing English on a Japanese system really gives English.
 */
public final class Bundles {

    /** Package of every bundle. */
    public static final String BASE = "jp.ebpm.workbench.i18n.";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;

    public Bundles(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The bundle of a feature, e.g. {@code main}. */
    public ResourceBundle get(String feature) {
        return ResourceBundle.getBundle(BASE + feature, locale, NO_FALLBACK);
    }

    /** A text of the {@code main} bundle with {@link MessageFormat} arguments. */
    public String text(String key, Object... args) {
        return format(get("main"), key, args);
    }

    /** A text of a bundle with {@link MessageFormat} arguments (none: the text as it is). */
    public static String format(ResourceBundle bundle, String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }
}
