package jp.ebpm.analysis.privacy.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Project;

/**
 * The append-only, hash-chained audit log of views and exports of private-derived output:
 * {@code <project>/audit/audit-log.jsonl}, one JSON object per line (UTF-8). Each entry's {@code hash} is
 * SHA-256 over its canonical JSON (keys sorted, no whitespace, without {@code hash} and {@code mac}),
 * which includes {@code prev_hash}, the previous entry's hash; the first entry's {@code prev_hash} is 64
 * zeros. {@code mac} is HMAC-SHA-256 of the hash under a key derived from the project secret, so entries
 * cannot be forged without the passphrase. The last sequence number and hash (the head) are also kept in
 * the sealed project settings ({@code privacy.audit.head}) and in the anchor of the key file
 * ({@link PrivacySeal}), so cutting the last entries is detected even when the head in the settings is
 * reset too.
 */
public final class AuditLog {

    /** The log file, relative to the project folder. */
    public static final String FILE = "audit/audit-log.jsonl";
    static final String GENESIS = "0".repeat(64);
    private static final String HEAD = PrivacySeal.HEAD;
    private static final ObjectMapper CANON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Project project;
    private final Path file;

    public AuditLog(Project project) {
        this.project = project;
        this.file = project.directory().resolve(FILE);
    }

    public Path file() {
        return file;
    }

    /** SHA-256 (hex) of a file's bytes. */
    public static String sha256(Path p) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new WorkbenchException("Cannot read " + p.getFileName() + " to record it: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 (hex) of bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Appends an entry.
     *
     * @param macKey the project's audit key (from the unlocked vault)
     */
    public synchronized AuditEntry append(byte[] macKey, String dataset, String operation, Map<String, String> parameters,
                                          int k, String output, String outputSha256) {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); FileLock lock = ch.lock()) {
                List<AuditEntry> existing = read();
                long seq = existing.size() + 1L;
                String prev = existing.isEmpty() ? GENESIS : existing.get(existing.size() - 1).hash();
                AuditEntry draft = new AuditEntry(seq, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                        System.getProperty("user.name", ""), dataset, operation, parameters, k, output, outputSha256,
                        prev, "", "");
                String hash = hash(draft);
                AuditEntry e = new AuditEntry(draft.seq(), draft.time(), draft.user(), draft.dataset(), draft.operation(),
                        draft.parameters(), draft.k(), draft.output(), draft.outputSha256(), prev, hash, mac(macKey, hash));
                byte[] line = (CANON.writeValueAsString(toMap(e, true)) + "\n").getBytes(StandardCharsets.UTF_8);
                ch.write(java.nio.ByteBuffer.wrap(line));
                ch.force(true);
                project.catalog().putSetting(HEAD, seq + ":" + hash);
                return e;
            }
        } catch (IOException e) {
            throw new WorkbenchException("Cannot write the audit log: " + e.getMessage(), e);
        }
    }

    /** All entries as stored (no verification). */
    public List<AuditEntry> read() {
        List<AuditEntry> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            int n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                out.add(parse(line, n));
            }
        } catch (IOException e) {
            throw new WorkbenchException("Cannot read the audit log: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Checks the chain (sequence numbers, each hash, each link to the previous entry), the privacy state
     * ({@link PrivacySeal#check}: the head kept in the sealed settings and in the key file's anchor, the
     * settings' seal) and, when {@code macKey} is given, every MAC.
     */
    public Verification verify(byte[] macKey) {
        List<AuditEntry> entries;
        try {
            entries = read();
        } catch (WorkbenchException e) {
            return new Verification(false, 0, List.of(e.getMessage()), macKey != null);
        }
        List<String> problems = new ArrayList<>(verifyEntries(entries, macKey));
        problems.addAll(PrivacySeal.check(project, macKey, entries).problems());
        return new Verification(problems.isEmpty(), entries.size(), problems, macKey != null);
    }

    /** Checks the chain of the stored entries and, when {@code macKey} is given, their MACs. */
    List<String> verifyEntries(byte[] macKey) {
        try {
            return verifyEntries(read(), macKey);
        } catch (WorkbenchException e) {
            return List.of(e.getMessage());
        }
    }

    private static List<String> verifyEntries(List<AuditEntry> entries, byte[] macKey) {
        List<String> problems = new ArrayList<>();
        String prev = GENESIS;
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry e = entries.get(i);
            if (e.seq() != i + 1) {
                problems.add("entry " + (i + 1) + ": sequence number " + e.seq() + " (an entry was deleted or moved)");
            }
            if (!e.prevHash().equals(prev)) {
                problems.add("entry " + (i + 1) + ": does not link to the entry before it (deleted, inserted or reordered)");
            }
            if (!hash(e).equals(e.hash())) {
                problems.add("entry " + (i + 1) + ": its content was changed (hash mismatch)");
            }
            if (macKey != null && !PrivacySeal.sameMac(mac(macKey, e.hash()), e.mac())) {
                problems.add("entry " + (i + 1) + ": MAC does not verify (forged or rewritten without the project key)");
            }
            prev = e.hash();
        }
        return problems;
    }

    /** Copies the log to a file (byte for byte). */
    public void export(Path target) {
        try {
            if (Files.exists(file)) {
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.write(target, new byte[0]);
            }
        } catch (IOException e) {
            throw new WorkbenchException("Cannot export the audit log to " + target.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The result of {@link #verify}. */
    public record Verification(boolean ok, int entries, List<String> problems, boolean macChecked) {
    }

    static String hash(AuditEntry e) {
        try {
            return sha256(CANON.writeValueAsString(toMap(e, false)).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String mac(byte[] key, String hash) {
        if (key == null) {
            return "";
        }
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(m.doFinal(hash.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Map<String, Object> toMap(AuditEntry e, boolean withHash) {
        Map<String, Object> m = new TreeMap<>();
        m.put("seq", e.seq());
        m.put("time", e.time());
        m.put("user", e.user());
        m.put("dataset", e.dataset());
        m.put("operation", e.operation());
        m.put("parameters", new TreeMap<>(e.parameters()));
        m.put("k", e.k());
        m.put("output", e.output());
        m.put("output_sha256", e.outputSha256());
        m.put("prev_hash", e.prevHash());
        if (withHash) {
            m.put("hash", e.hash());
            m.put("mac", e.mac());
        }
        return m;
    }

    private static AuditEntry parse(String line, int n) {
        try {
            Map<String, Object> m = CANON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() { });
            @SuppressWarnings("unchecked")
            Map<String, String> params = (Map<String, String>) m.get("parameters");
            return new AuditEntry(((Number) m.get("seq")).longValue(), (String) m.get("time"), (String) m.get("user"),
                    (String) m.get("dataset"), (String) m.get("operation"), params, ((Number) m.get("k")).intValue(),
                    (String) m.get("output"), (String) m.get("output_sha256"), (String) m.get("prev_hash"),
                    (String) m.get("hash"), (String) m.get("mac"));
        } catch (JsonProcessingException | ClassCastException | NullPointerException e) {
            throw new WorkbenchException("line " + n + " of the audit log is damaged", e);
        }
    }
}
