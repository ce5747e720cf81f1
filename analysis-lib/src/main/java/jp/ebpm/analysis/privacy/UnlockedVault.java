package jp.ebpm.analysis.privacy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.privacy.audit.PrivacySeal;
import jp.ebpm.analysis.privacy.crypto.DataKey;
import jp.ebpm.analysis.privacy.crypto.EncryptedFiles;
import jp.ebpm.analysis.privacy.crypto.Keyring;
import jp.ebpm.analysis.privacy.crypto.Pseudonymizer;

import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.MemoryStore;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.CancelledException;

/**
 * A project's private data while it is unlocked with the passphrase: the secrets from the
 * {@link Keyring} and an in-memory DuckDB ({@link MemoryStore}, no spill files) holding the private
 * tables. Private tables reach disk only as encrypted files {@code <project>/private/<name>.wbenc}; the
 * plain project database holds only their catalog entries (sensitivity PRIVATE, property
 * {@value #ENCRYPTED_FILE}). Close the vault to drop the rows and overwrite the keys.
 *
 * <p>Saving reads the rows over JDBC while a second thread encrypts and writes; loading decrypts on a
 * second thread while the rows are appended ({@link BackgroundStreams}). Format: {@link TableCodec}
 * inside {@link EncryptedFiles}.
 */
public final class UnlockedVault implements AutoCloseable {

    /** Catalog property naming the encrypted file of a private dataset. */
    public static final String ENCRYPTED_FILE = "encrypted_file";
    /** Folder of private files inside a project. */
    public static final String PRIVATE_DIR = "private";
    private static final String PURPOSE = "ebpm-workbench private table v1: ";

    private final Project project;
    private final Keyring.Secrets secrets;
    private final DataKey dataKey;
    private final MemoryStore memory;
    private final PrivacySeal seal;
    private final Set<String> loaded = new HashSet<>();
    private final Map<String, Object> cache = new HashMap<>();

    private UnlockedVault(Project project, Keyring.Secrets secrets, String memoryLimit) {
        this.project = project;
        this.secrets = secrets;
        this.dataKey = secrets.dataKey();
        this.seal = new PrivacySeal(project, secrets.auditKey());
        this.memory = MemoryStore.open(memoryLimit);
    }

    /** Whether the project has a passphrase (a key file) yet. */
    public static boolean hasPassphrase(Project project) {
        return Keyring.exists(project.directory().resolve(PRIVATE_DIR));
    }

    /**
     * Unlocks the project's private data, creating the key file with this passphrase when the project
     * has none yet.
     *
     * @throws WorkbenchException when the passphrase is wrong, or the privacy settings or audit log were
     *                            changed outside the workbench ({@link PrivacySeal})
     */
    public static UnlockedVault openOrCreate(Project project, char[] passphrase) {
        Path dir = project.directory().resolve(PRIVATE_DIR);
        if (Keyring.exists(dir)) {
            return unlock(project, passphrase);
        }
        PrivacySeal.requireNoPrivacyState(project);
        Keyring.Secrets s = Keyring.create(dir, passphrase, secrets -> PrivacySeal.initialAnchor(secrets.auditKey()));
        return opened(project, s, passphrase);
    }

    /**
     * Unlocks the project's private data. The privacy state is checked first: when the protected settings
     * (k, suppression memory, audit head) or the audit log were changed outside the workbench, the vault
     * stays locked.
     *
     * @throws WorkbenchException when the project has no private data yet, the passphrase is wrong, or the
     *                            privacy state was tampered with
     */
    public static UnlockedVault unlock(Project project, char[] passphrase) {
        Path dir = project.directory().resolve(PRIVATE_DIR);
        if (!Keyring.exists(dir)) {
            throw new WorkbenchException("This project has no private data yet (no passphrase was set).");
        }
        return opened(project, Keyring.unlock(dir, passphrase), passphrase);
    }

    private static UnlockedVault opened(Project project, Keyring.Secrets s, char[] passphrase) {
        UnlockedVault v = new UnlockedVault(project, s, null);
        try {
            if (s.legacy()) {
                Keyring.upgrade(project.directory().resolve(PRIVATE_DIR), passphrase, v.seal.adoptLegacyState());
            }
            v.seal.verifyAndRepair();
            project.useSettingsSeal(v.seal);
            return v;
        } catch (RuntimeException e) {
            v.close();
            throw e;
        }
    }

    /**
     * The audit key of a project, for verifying its audit log ({@code workbench audit --verify}); unlike
     * {@link #unlock} this neither checks nor changes anything.
     *
     * @throws WorkbenchException when the project has no key file or the passphrase is wrong
     */
    public static byte[] auditKey(Project project, char[] passphrase) {
        Keyring.Secrets s = Keyring.unlock(project.directory().resolve(PRIVATE_DIR), passphrase);
        try {
            return s.auditKey();
        } finally {
            s.destroy();
        }
    }

    public Project project() {
        return project;
    }

    /** The in-memory database of private tables. */
    public MemoryStore memory() {
        return memory;
    }

    /** A new pseudonymiser keyed with the project's secret (one per thread). */
    public Pseudonymizer pseudonymizer() {
        return secrets.pseudonymizer();
    }

    /** The HMAC key of the audit log. */
    public byte[] auditKey() {
        return secrets.auditKey();
    }

    /** Session cache for derived in-memory data (e.g. area assignments), cleared with the vault. */
    public Map<String, Object> sessionCache() {
        return cache;
    }

    /** The catalog entry of a private dataset. */
    public DatasetInfo info(String dataset) {
        DatasetInfo info = project.catalog().get(dataset);
        if (info.sensitivity() != Sensitivity.PRIVATE || info.property(ENCRYPTED_FILE) == null) {
            throw new WorkbenchException("\"" + dataset + "\" is not a private dataset of this project.");
        }
        return info;
    }

    /**
     * Makes sure a private dataset is loaded into the in-memory database (as a table of the same name),
     * decrypting its file.
     */
    public synchronized void load(String dataset, Cancellation cancel) {
        if (loaded.contains(dataset)) {
            return;
        }
        DatasetInfo info = info(dataset);
        Path file = project.directory().resolve(PRIVATE_DIR).resolve(info.property(ENCRYPTED_FILE));
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             DataInputStream in = new DataInputStream(new BufferedInputStream(BackgroundStreams.readAhead(
                     EncryptedFiles.decrypt(raw, dataKey, PURPOSE + dataset), "vault-decrypt"), 1 << 16));
             Connection c = memory.connect()) {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS " + Sql.ident(dataset));
            }
            TableCodec.read(in, c, dataset, cancel);
            loaded.add(dataset);
        } catch (EncryptedFiles.TamperedException e) {
            dropQuietly(dataset);
            throw new WorkbenchException("The private file of \"" + dataset + "\" cannot be opened: " + e.getMessage()
                    + ".", e);
        } catch (IOException | SQLException e) {
            dropQuietly(dataset);
            throw new WorkbenchException("Cannot read the private file of \"" + dataset + "\": " + e.getMessage(), e);
        } catch (CancelledException e) {
            dropQuietly(dataset);
            throw e;
        }
    }

    private void dropQuietly(String table) {
        try (Connection c = memory.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + Sql.ident(table));
        } catch (SQLException ignored) {
            // nothing to clean up
        }
    }

    /**
     * Saves an in-memory table as a new private dataset: writes the encrypted file, then registers the
     * catalog entry (sensitivity PRIVATE, row count, columns, property {@value #ENCRYPTED_FILE}). On any
     * failure the project is left unchanged.
     *
     * @param template the catalog entry; its row count and columns are replaced by the table's
     * @return the registered entry
     */
    public DatasetInfo savePrivate(String table, DatasetInfo template, Cancellation cancel) {
        String name = template.name();
        Catalog catalog = project.catalog();
        if (catalog.find(name).isPresent()) {
            throw new WorkbenchException("A dataset named \"" + name + "\" already exists in this project.");
        }
        catalog.checkNewName(name);
        Path dir = project.directory().resolve(PRIVATE_DIR);
        String fileName = fileName(name);
        Path target = dir.resolve(fileName);
        Path part = dir.resolve(fileName + ".part");
        try {
            Files.createDirectories(dir);
            long rows;
            java.util.List<jp.ebpm.analysis.store.ColumnInfo> cols;
            try (Connection c = memory.connect();
                 OutputStream raw = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(BackgroundStreams.writeBehind(
                         EncryptedFiles.encrypt(raw, dataKey, PURPOSE + name), "vault-encrypt"), 1 << 16))) {
                rows = TableCodec.write(c, table, out, cancel);
                cols = Catalog.describe(c, table).stream()
                        .map(ci -> new jp.ebpm.analysis.store.ColumnInfo(ci.name(), TableCodec.storedType(ci.type())))
                        .toList();
            }
            Map<String, String> props = new HashMap<>(template.properties());
            props.put(ENCRYPTED_FILE, fileName);
            DatasetInfo info = new DatasetInfo(name, template.kind(), template.sourceFile(), template.sourceSha256(),
                    template.importedAt(), rows, cols, template.encoding(), template.license(), Sensitivity.PRIVATE,
                    template.description(), props);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            try {
                project.inTransaction(c -> {
                    catalog.register(c, info);
                    return null;
                });
            } catch (RuntimeException e) {
                Files.deleteIfExists(target);
                throw e;
            }
            renameInMemory(table, name);
            return info;
        } catch (IOException | SQLException e) {
            deleteQuietly(part);
            throw new WorkbenchException("Cannot save the private dataset \"" + name + "\": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
    }

    private void renameInMemory(String table, String name) throws SQLException {
        if (!table.equals(name)) {
            try (Connection c = memory.connect(); Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS " + Sql.ident(name));
                st.execute("ALTER TABLE " + Sql.ident(table) + " RENAME TO " + Sql.ident(name));
            }
        }
        loaded.add(name);
    }

    /** Deletes a private dataset: its catalog entry and its encrypted file. */
    public void drop(String dataset) {
        DatasetInfo info = info(dataset);
        project.catalog().drop(dataset);
        deleteQuietly(project.directory().resolve(PRIVATE_DIR).resolve(info.property(ENCRYPTED_FILE)));
        dropQuietly(dataset);
        loaded.remove(dataset);
        cache.clear();
    }

    private static String fileName(String dataset) {
        StringBuilder sb = new StringBuilder();
        for (char ch : dataset.toCharArray()) {
            sb.append(Character.isLetterOrDigit(ch) || ch == '-' || ch == '_' ? ch : '_');
        }
        return sb + "-" + Long.toHexString(System.nanoTime()) + ".wbenc";
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the file is encrypted anyway
        }
    }

    /** Drops all private rows from memory and overwrites the keys. */
    @Override
    public void close() {
        project.releaseSettingsSeal(seal);
        cache.clear();
        loaded.clear();
        memory.close();
        dataKey.destroy();
        secrets.destroy();
    }
}
