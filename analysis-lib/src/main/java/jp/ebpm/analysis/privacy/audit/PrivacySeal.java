package jp.ebpm.analysis.privacy.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.privacy.crypto.Keyring;
import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.SettingsSeal;

/**
 * Protects the privacy state of a project with the audit log's key: the protected settings (the
 * project's k, the suppression memory, the audit log's head — every setting under {@code privacy.}) are
 * sealed with an HMAC-SHA-256 over their canonical JSON and a generation number, and an <em>anchor</em>
 * (generation, that MAC, the audit log's last sequence number and hash; itself MAC'd) is kept in the
 * project's key file. A change made outside the workbench — k lowered, a suppression pattern deleted,
 * audit entries cut and the head reset — no longer matches the MAC (it needs the passphrase-protected
 * key), and restoring an older copy of the database alone makes it older than the anchor.
 *
 * <p>Writes are crash-safe: the database commits before the anchor is written and the log line before
 * the head, so after a crash the database or the log can only be <em>ahead</em> of the anchor and
 * head; such states carry valid MACs and are adopted ({@link #repair}). What cannot be detected from the
 * project alone: restoring older copies of the database, the log <em>and</em> the key file together
 * (see docs/privacy.md).
 */
public final class PrivacySeal implements SettingsSeal {

    /** Setting holding the audit log's head ({@code seq:hash}). */
    public static final String HEAD = "privacy.audit.head";
    private static final String SETTINGS_LABEL = "ebpm-workbench privacy settings v1";
    private static final String ANCHOR_LABEL = "ebpm-workbench privacy anchor v1";
    private static final ObjectMapper CANON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Project project;
    private final byte[] key;
    private final Path privateDir;

    /**
     * @param auditKey the project's audit key (from the unlocked key file)
     */
    public PrivacySeal(Project project, byte[] auditKey) {
        this.project = project;
        this.key = auditKey.clone();
        this.privateDir = privateDir(project);
    }

    static Path privateDir(Project project) {
        return project.directory().resolve("private");
    }

    @Override
    public String mac(SortedMap<String, String> settings, long generation) {
        Map<String, Object> m = new TreeMap<>();
        m.put("generation", generation);
        m.put("settings", settings);
        return hmac(key, SETTINGS_LABEL, canonical(m));
    }

    @Override
    public void committed(long generation, String mac, SortedMap<String, String> settings) {
        Head head = Head.parse(settings.get(HEAD));
        Keyring.writeAnchor(privateDir, new Anchor(generation, mac, head.seq(), head.hash()).toJson(key));
    }

    /** The anchor of a project that has no privacy state yet (for a new key file). */
    public static String initialAnchor(byte[] auditKey) {
        return new Anchor(0, "", 0, AuditLog.GENESIS).toJson(auditKey);
    }

    /**
     * Refuses to give a project a new key file while it holds privacy settings or an audit log: they can
     * only come from an earlier key file (removed since) or from outside the workbench.
     */
    public static void requireNoPrivacyState(Project project) {
        if (!project.catalog().protectedSettings().isEmpty() || project.catalog().seal().isPresent()
                || !new AuditLog(project).read().isEmpty()) {
            throw new WorkbenchException("Refused: this project holds privacy settings or an audit log but no key file"
                    + " (private/" + Keyring.FILE + " was removed, or the settings were written outside the workbench)."
                    + " Restore the key file from a backup.");
        }
    }

    /**
     * Brings the settings of a project whose key file predates the anchor (version 1) under the seal and
     * returns the anchor to store in the upgraded key file. Trusts the state as found (first use).
     */
    public String adoptLegacyState() {
        SettingsSeal recorder = new SettingsSeal() {
            @Override
            public String mac(SortedMap<String, String> settings, long generation) {
                return PrivacySeal.this.mac(settings, generation);
            }

            @Override
            public void committed(long generation, String mac, SortedMap<String, String> settings) {
                // the anchor is written with the upgraded key file
            }
        };
        long generation = project.catalog().sealProtectedSettings(recorder);
        Catalog.Seal seal = project.catalog().seal().orElseThrow();
        Head head = Head.parse(project.catalog().protectedSettings().get(HEAD));
        return new Anchor(generation, seal.mac(), head.seq(), head.hash()).toJson(key);
    }

    /**
     * Checks the privacy state (see {@link #check}) and refuses when it was changed outside the workbench;
     * then brings the anchor and head up to date after an interrupted write.
     *
     * @throws WorkbenchException listing the problems
     */
    public void verifyAndRepair() {
        AuditLog log = new AuditLog(project);
        Check c = check(project, key, log.read());
        List<String> problems = new ArrayList<>(c.problems());
        problems.addAll(log.verifyEntries(key));
        if (!problems.isEmpty()) {
            throw new WorkbenchException("Refused: the privacy settings or the audit log of this project were changed"
                    + " outside the workbench, so private data stays locked: " + String.join("; ", problems)
                    + ". Restore the project folder from a backup and tell the data protection officer.");
        }
        repair(c, log);
    }

    private void repair(Check c, AuditLog log) {
        if (c.logAhead()) {
            List<AuditEntry> entries = log.read();
            AuditEntry last = entries.get(entries.size() - 1);
            Map<String, String> v = new LinkedHashMap<>();
            v.put(HEAD, last.seq() + ":" + last.hash());
            withSeal(() -> project.catalog().putProtectedSettings(v));
        } else if (c.anchorBehind()) {
            withSeal(() -> project.catalog().sealProtectedSettings(this));
        }
    }

    private void withSeal(Runnable r) {
        project.useSettingsSeal(this);
        r.run();
    }

    /**
     * The result of {@link #check}.
     *
     * @param problems     what shows a change made outside the workbench (empty when none)
     * @param anchorBehind the database holds a later sealed generation than the key file's anchor (a write
     *                     was interrupted before the anchor was updated)
     * @param logAhead     the log holds entries after the recorded head (interrupted before the head was updated)
     * @param macsChecked  whether MACs were checked (a key was given)
     */
    public record Check(List<String> problems, boolean anchorBehind, boolean logAhead, boolean macsChecked) {
    }

    /**
     * Checks the settings' seal against its MAC and the key file's anchor, and the end of the audit log
     * against the head in the settings and in the anchor. Without a key, only what needs no MAC is checked.
     *
     * @param auditKey the audit key, or {@code null}
     * @param entries  the audit log's entries as stored
     */
    public static Check check(Project project, byte[] auditKey, List<AuditEntry> entries) {
        List<String> problems = new ArrayList<>();
        Path dir = privateDir(project);
        SortedMap<String, String> settings = project.catalog().protectedSettings();
        Optional<Catalog.Seal> seal = project.catalog().seal();
        if (!Keyring.exists(dir)) {
            if (!settings.isEmpty() || seal.isPresent() || !entries.isEmpty()) {
                problems.add("the project has privacy settings or audit entries but no key file (private/" + Keyring.FILE
                        + " was removed?)");
            }
            return new Check(problems, false, false, auditKey != null);
        }
        boolean legacy = Keyring.version(dir) < 2;
        Anchor anchor = null;
        if (!legacy) {
            String json = Keyring.anchor(dir).orElse(null);
            anchor = json == null ? null : Anchor.parse(json);
            if (anchor == null) {
                problems.add("the key file holds no valid record of the privacy state (it was edited or replaced)");
            } else if (auditKey != null && !sameMac(anchor.mac(), anchor.expectedMac(auditKey))) {
                problems.add("the record of the privacy state in the key file was changed");
                anchor = null;
            }
        }
        boolean anchorBehind = false;
        if (seal.isEmpty()) {
            // a version-1 key file predates the seal: its settings are adopted when it is upgraded
            if (!legacy && (!settings.isEmpty() || (anchor != null && anchor.generation() > 0))) {
                problems.add("the privacy settings carry no seal (they were written outside the workbench)");
            }
        } else {
            Catalog.Seal s = seal.get();
            if (auditKey != null && !sameMac(new PrivacySeal(project, auditKey).mac(settings, s.generation()), s.mac())) {
                problems.add("the privacy settings (k, suppression memory or audit head) were changed outside the workbench");
            }
            if (anchor != null) {
                if (s.generation() < anchor.generation()) {
                    problems.add("the project database is older than the key file's record (generation " + s.generation()
                            + " < " + anchor.generation() + "): it was restored from an earlier copy or edited");
                } else if (s.generation() == anchor.generation() && !s.mac().equals(anchor.settingsMac())) {
                    problems.add("the privacy settings do not match the key file's record");
                } else if (s.generation() > anchor.generation()) {
                    anchorBehind = true;
                }
            }
        }
        boolean logAhead = false;
        String headText = settings.get(HEAD);
        if (headText != null) {
            Head head = Head.parse(headText);
            logAhead = checkEnd(entries, head.seq(), head.hash(), "the head recorded in the project settings", problems);
        } else {
            logAhead = !entries.isEmpty();
        }
        if (anchor != null) {
            checkEnd(entries, anchor.auditSeq(), anchor.auditHash(), "the head recorded in the key file", problems);
        }
        return new Check(problems, anchorBehind, logAhead && problems.isEmpty(), auditKey != null);
    }

    /** Checks that the log reaches a recorded head; returns whether it holds entries after it. */
    private static boolean checkEnd(List<AuditEntry> entries, long seq, String hash, String where, List<String> problems) {
        if (seq <= 0) {
            return !entries.isEmpty();
        }
        if (entries.size() < seq || !entries.get((int) seq - 1).hash().equals(hash)) {
            problems.add("the log does not reach " + where + " (entry " + seq + "): entries were removed at the end"
                    + " or the log was replaced");
            return false;
        }
        return entries.size() > seq;
    }

    private record Head(long seq, String hash) {
        static Head parse(String text) {
            if (text == null || text.isEmpty()) {
                return new Head(0, AuditLog.GENESIS);
            }
            int colon = text.indexOf(':');
            try {
                return new Head(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
            } catch (RuntimeException e) {
                return new Head(-1, "");
            }
        }
    }

    /** The record of the privacy state kept in the key file. */
    private record Anchor(long generation, String settingsMac, long auditSeq, String auditHash, String mac) {

        Anchor(long generation, String settingsMac, long auditSeq, String auditHash) {
            this(generation, settingsMac, auditSeq, auditHash, "");
        }

        private Map<String, Object> fields() {
            Map<String, Object> m = new TreeMap<>();
            m.put("generation", generation);
            m.put("settings_mac", settingsMac);
            m.put("audit_seq", auditSeq);
            m.put("audit_hash", auditHash);
            return m;
        }

        String expectedMac(byte[] key) {
            return hmac(key, ANCHOR_LABEL, canonical(fields()));
        }

        String toJson(byte[] key) {
            Map<String, Object> m = fields();
            m.put("mac", expectedMac(key));
            return canonical(m);
        }

        static Anchor parse(String json) {
            try {
                Map<String, Object> m = CANON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
                return new Anchor(((Number) m.get("generation")).longValue(), (String) m.get("settings_mac"),
                        ((Number) m.get("audit_seq")).longValue(), (String) m.get("audit_hash"), (String) m.get("mac"));
            } catch (JsonProcessingException | ClassCastException | NullPointerException e) {
                return null;
            }
        }
    }

    private static String canonical(Object o) {
        try {
            return CANON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HMAC-SHA-256 (hex) of a labelled message; the label keeps the MACs of different records apart. */
    private static String hmac(byte[] key, String label, String message) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            m.update(label.getBytes(StandardCharsets.UTF_8));
            m.update((byte) 0);
            return HexFormat.of().formatHex(m.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of two hex MACs. */
    static boolean sameMac(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
