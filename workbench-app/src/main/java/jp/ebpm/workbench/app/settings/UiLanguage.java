package jp.ebpm.workbench.app.settings;

import java.util.Locale;

/** The language of the user interface: the operating system's, English or Japanese. */
public enum UiLanguage {
    SYSTEM, ENGLISH, JAPANESE;

    /** The locale used to load resource bundles. */
    public Locale locale() {
        return switch (this) {
            case SYSTEM -> Locale.getDefault();
            case ENGLISH -> Locale.ENGLISH;
            case JAPANESE -> Locale.JAPANESE;
        };
    }
}
