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

    /**
     * A source file with its SHA-256 computed from its bytes.
     *
     * @throws jp.ebpm.analysis.WorkbenchException when the file cannot be read
     */
    public static SourceRef ofFile(java.nio.file.Path file, String license) {
        String name = file.getFileName().toString();
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return new SourceRef(name, name, java.util.HexFormat.of().formatHex(md.digest()), license);
        } catch (java.io.IOException e) {
            throw new jp.ebpm.analysis.WorkbenchException("Cannot read " + name + ": " + e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public SourceRef {
        name = name == null ? "" : name;
        file = file == null ? "" : file;
        sha256 = sha256 == null ? "" : sha256;
        license = license == null ? "" : license;
    }
}
