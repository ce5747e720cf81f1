package jp.ebpm.analysis.survey;

import java.util.Locale;

/** The kind of a survey variable in a codebook. */
public enum VariableType {
    /** One answer from a list of codes. */
    SINGLE,
    /** Multiple-response set stored as one 0/1 column per option. */
    MULTI_BINARY,
    /** Multiple-response set stored as one delimited column, e.g. {@code 1;3;5}. */
    MULTI_DELIMITED,
    /** Ordered agreement scale (codes 1..k, low code = first category). */
    LIKERT,
    /** A number. */
    NUMERIC,
    /** Free text. */
    TEXT;

    /** Parses the codebook spelling ({@code single}, {@code multi_binary}, {@code multi_delimited}, {@code likert}, {@code numeric}, {@code text}). */
    public static VariableType parse(String s) {
        String t = s == null ? "" : s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (t.isEmpty()) {
            return SINGLE;
        }
        return switch (t) {
            case "MULTI", "MULTI_01", "MULTI_BINARY" -> MULTI_BINARY;
            case "MULTI_DELIMITED", "DELIMITED" -> MULTI_DELIMITED;
            case "ORDINAL", "LIKERT" -> LIKERT;
            default -> VariableType.valueOf(t);
        };
    }

    /** The codebook spelling. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
