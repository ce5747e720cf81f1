package jp.ebpm.analysis.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import jp.ebpm.analysis.WorkbenchException;

/**
 * Reads a small text file (a register, codebook, margin table, specification, GeoJSON layer) into a string:
 * its encoding detected by {@link TextEncoding} (or chosen), decoded strictly, the byte-order mark dropped.
 * Large tables never come through here; they are read by DuckDB ({@link Importer}).
 *
 * @since 0.1
 */
public final class TextFile {

    /** The largest file read whole into memory: {@value} bytes (256 MiB). */
    public static final long MAX_BYTES = 256L << 20;

    private TextFile() {
    }

    /**
     * Reads and decodes a whole file.
     *
     * @param encoding the user's choice ({@code auto}, {@code utf-8}, {@code cp932}, {@code euc-jp}, {@code utf-16le},
     *                 ...) or {@code null} to detect
     * @throws WorkbenchException when the file is missing, too large, or not valid text in the encoding (naming
     *                            the line)
     */
    public static ReadResult<String> read(Path file, String encoding) {
        return decode(readBytes(file, MAX_BYTES), encoding, file.getFileName().toString());
    }

    /**
     * Decodes the bytes of a small file (for example a resource or an archive member) like {@link #read}.
     *
     * @throws WorkbenchException when the bytes are not valid text in the encoding (naming the line)
     */
    public static ReadResult<String> decode(byte[] bytes, String encoding, String name) {
        TextEncoding chosen = TextEncoding.option(encoding, name);
        TextEncoding enc = chosen != null ? chosen : TextEncoding.detect(bytes, true, name);
        if (enc == TextEncoding.UTF8 && TextEncoding.hasBom(bytes)) {
            enc = TextEncoding.UTF8_BOM;
        }
        long bad = TextEncoding.firstInvalid(bytes, enc, true);
        if (bad >= 0) {
            throw TextEncoding.invalidBytes(name, enc, TextEncoding.lineOf(bytes, bad), bad);
        }
        String text = TextEncoding.decode(bytes, enc, true);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return new ReadResult<>(text, new SourceInfo(name, sha256(bytes), enc.label(), 0), List.of());
    }

    /**
     * Reads a whole file's bytes, refusing files larger than {@code max}.
     *
     * @throws WorkbenchException when the file is missing, a folder, larger than {@code max} or unreadable
     */
    public static byte[] readBytes(Path file, long max) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new WorkbenchException("The file does not exist or is a folder. Check the path.", name, null, null, null);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1));
            if (b.length > max) {
                throw new WorkbenchException("The file is larger than " + (max >> 20) + " MiB, too large for this kind of"
                        + " file. Check that it is the right file.", name, null, null, null);
            }
            return b;
        } catch (NoSuchFileException e) {
            throw new WorkbenchException("The file does not exist. Check the path.", name, null, null, e);
        } catch (IOException e) {
            throw new WorkbenchException("The file cannot be read (" + e.getMessage() + ").", name, null, null, e);
        }
    }

    /** SHA-256 of bytes, lower-case hex. */
    public static String sha256(byte[] bytes) {
        MessageDigest md = Transcoder.sha256();
        return HexFormat.of().formatHex(md.digest(bytes));
    }
}
