package jp.ebpm.analysis.export.xlsx;

/**
 * A source dataset of a report item.
 *
 * @param name    dataset or file name
 * @param file    the source file name (no directories), or empty
 * @param sha256  SHA-256 of the source file's bytes (hex), or empty when unknown
 * @param license license / attribution text, or empty
 * @since 0.1
 */
public record SourceRef(String name, String file, String sha256, String license) {

    public SourceRef {
        name = name == null ? "" : name;
        file = file == null ? "" : file;
        sha256 = sha256 == null ? "" : sha256;
        license = license == null ? "" : license;
    }
}
