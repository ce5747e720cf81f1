package jp.ebpm.analysis.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jp.ebpm.analysis.WorkbenchException;

/**
 * Detects a text sample that mixes UTF-8 lines with lines in another encoding (typically CP932 lines pasted
 * into a UTF-8 file). Such a file decodes "successfully" as CP932 with its UTF-8 lines garbled, so it is
 * refused instead, naming one line of each kind.
 *
 * <p>Rule: the sample is cut into lines at LF bytes. A line that decodes strictly as UTF-8, holds at least two
 * non-ASCII characters, and whose non-ASCII characters are all Japanese script (hiragana, katakana, CJK
 * ideographs, full-width forms, CJK punctuation) counts as a UTF-8 line; a line that is not valid UTF-8 counts
 * as a foreign line. At least one of each means the file is mixed. CP932 text that happens to be valid
 * UTF-8 yields characters outside those ranges almost always, so genuine CP932 files are not refused; a user
 * who chooses the encoding by hand skips the check.
 */
final class MixedEncoding {

    private MixedEncoding() {
    }

    /**
     * @throws WorkbenchException when the sample mixes UTF-8 and non-UTF-8 lines
     */
    static void check(byte[] sample, boolean complete, String fileName) {
        long utf8Line = 0;
        long foreignLine = 0;
        long line = 1;
        int start = 0;
        for (int i = 0; i <= sample.length; i++) {
            if (i == sample.length || sample[i] == '\n') {
                boolean last = i == sample.length;
                if (!(last && !complete)) {
                    int kind = classify(sample, start, i);
                    if (kind > 0 && utf8Line == 0) {
                        utf8Line = line;
                    } else if (kind < 0 && foreignLine == 0) {
                        foreignLine = line;
                    }
                    if (utf8Line > 0 && foreignLine > 0) {
                        throw new WorkbenchException("The file mixes text encodings: line " + utf8Line + " is UTF-8 but line "
                                + foreignLine + " is not (it looks like Shift_JIS/CP932). Save the whole file in one encoding,"
                                + " or choose the encoding by hand to read it anyway.", fileName, foreignLine, null, null);
                    }
                }
                line++;
                start = i + 1;
            }
        }
    }

    /** +1 for a UTF-8 line with Japanese text, -1 for a line that is not UTF-8, 0 for ASCII or undecided. */
    static int classify(byte[] b, int from, int to) {
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return 0;
        }
        CharBuffer text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, to - from));
        } catch (CharacterCodingException e) {
            return -1;
        }
        int nonAscii = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 || c == '\uFEFF') {
                continue;
            }
            if (!japanese(c)) {
                return 0;
            }
            nonAscii++;
        }
        return nonAscii >= 2 ? 1 : 0;
    }

    private static boolean japanese(char c) {
        return (c >= '\u3000' && c <= '\u30FF') || (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\uFF01' && c <= '\uFF9F')
                || (c >= '\u3400' && c <= '\u4DBF');
    }
}
