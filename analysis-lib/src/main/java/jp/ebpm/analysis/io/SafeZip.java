package jp.ebpm.analysis.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import jp.ebpm.analysis.WorkbenchException;

/**
 * Reads the members of a .zip archive (a zipped shapefile, for example) with limits against "zip bombs":
 * every member is inflated as a stream in blocks and the read stops at once when a limit is crossed, so a
 * member that would inflate to gigabytes never fills the memory.
 *
 * <ul>
 *   <li>one member: at most {@link #MAX_MEMBER_BYTES} bytes (512 MiB) inflated;</li>
 *   <li>all members read: at most {@link #MAX_TOTAL_BYTES} bytes (1 GiB) inflated;</li>
 *   <li>ratio: a member larger than {@link #RATIO_FLOOR_BYTES} (1 MiB) inflated may be at most {@value #MAX_RATIO}
 *       times its compressed size (the same ratio as POI's limit for workbooks, {@link PoiLimits});</li>
 *   <li>at most {@value #MAX_MEMBERS} members.</li>
 * </ul>
 * The limits are documented in {@code docs/gis.md}.
 *
 * @since 0.1
 */
public final class SafeZip {

    /** Largest inflated member. */
    public static final long MAX_MEMBER_BYTES = 512L << 20;
    /** Largest inflated total of the members read. */
    public static final long MAX_TOTAL_BYTES = 1L << 30;
    /** Largest ratio inflated / compressed of a member. */
    public static final int MAX_RATIO = PoiLimits.MAX_RATIO;
    /** Members smaller than this are not subject to the ratio (tiny text files compress very well). */
    public static final long RATIO_FLOOR_BYTES = 1L << 20;
    /** Most members an archive may have. */
    public static final int MAX_MEMBERS = 10_000;

    private SafeZip() {
    }

    /**
     * Reads the members whose names pass {@code wanted} (directories and {@code __MACOSX} entries are never
     * read).
     *
     * @return member name → bytes, in archive order
     * @throws WorkbenchException when the archive is damaged or over a limit; the message names the file and the
     *                            member
     */
    public static Map<String, byte[]> read(Path zip, Predicate<String> wanted) {
        String name = zip.getFileName().toString();
        Map<String, byte[]> out = new LinkedHashMap<>();
        long compressedSize = sizeOf(zip);
        long total = 0;
        int members = 0;
        try (InputStream raw = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(raw)) {
            byte[] buf = new byte[64 * 1024];
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                if (++members > MAX_MEMBERS) {
                    throw new WorkbenchException("The archive holds more than " + MAX_MEMBERS + " members; it is not a"
                            + " shapefile archive.", name, null, null, null);
                }
                String n = e.getName();
                if (e.isDirectory() || n.contains("__MACOSX") || !wanted.test(n)) {
                    continue;
                }
                long compressed = e.getCompressedSize() > 0 ? e.getCompressedSize() : compressedSize;
                ByteArrayOutputStream member = new ByteArrayOutputStream();
                long size = 0;
                for (int k = z.read(buf); k >= 0; k = z.read(buf)) {
                    size += k;
                    total += k;
                    if (size > MAX_MEMBER_BYTES || total > MAX_TOTAL_BYTES
                            || (size > RATIO_FLOOR_BYTES && size > MAX_RATIO * Math.max(1, compressed))) {
                        throw bomb(name, n);
                    }
                    member.write(buf, 0, k);
                }
                out.put(n, member.toByteArray());
            }
        } catch (ZipException e) {
            throw new WorkbenchException("The zip file is damaged and cannot be opened. Create the archive again.", name, null,
                    null, e);
        } catch (IOException e) {
            throw new WorkbenchException("The zip file is damaged, cut off or not a zip archive. Create the archive again.",
                    name, null, null, e);
        }
        return out;
    }

    private static WorkbenchException bomb(String zip, String member) {
        return new WorkbenchException("The member \"" + member + "\" expands to far more than its compressed size (over "
                + MAX_RATIO + " times, or over " + (MAX_MEMBER_BYTES >> 20) + " MiB; " + (MAX_TOTAL_BYTES >> 20) + " MiB for all"
                + " members), so the archive was not opened: it may be a \"zip bomb\". If it is genuine, unzip it and import"
                + " the .shp file.", zip, null, null, null);
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
