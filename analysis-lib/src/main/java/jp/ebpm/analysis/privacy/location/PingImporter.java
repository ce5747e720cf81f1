package jp.ebpm.analysis.privacy.location;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.io.DelimitedText;
import jp.ebpm.analysis.io.RecordStream;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.crypto.Pseudonymizer;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.RowAppender;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Imports ping data (CSV in UTF-8 or CP932, or Parquet) into a vault: the id is replaced by its keyed
 * pseudonym ({@link Pseudonymizer}) in Java before the row reaches the in-memory database, and the
 * dataset is persisted only encrypted. Resulting table: {@code pid BIGINT, ts TIMESTAMP (Japan local),
 * lat DOUBLE, lon DOUBLE}, plus {@code accuracy DOUBLE}, {@code age_band VARCHAR}, {@code sex VARCHAR}
 * when the source has them. Other source columns are not imported (data minimisation). Error messages
 * name the line and column, never the value.
 */
public final class PingImporter {

    private PingImporter() {
    }

    /** Imports a pings file. */
    public static DatasetInfo importPings(UnlockedVault vault, Path file, LocationImportOptions opt,
                                          ProgressListener progress, Cancellation cancel) {
        String staging = "_imp_" + Long.toHexString(System.nanoTime());
        String fileName = file.getFileName().toString();
        boolean parquet = fileName.toLowerCase(Locale.ROOT).endsWith(".parquet");
        if (!Files.isRegularFile(file)) {
            throw new WorkbenchException("The file " + fileName + " does not exist.");
        }
        try (Connection c = vault.memory().connect()) {
            try {
                Source src = parquet ? new ParquetSource(c, file) : new CsvSource(file, c);
                try (src) {
                    List<String> h = src.headers();
                    int id = require(ColumnDetector.find(h, opt.idCol(), ColumnDetector.ID), "id", "--id-col", fileName);
                    int ts = require(ColumnDetector.find(h, opt.timeCol(), ColumnDetector.TIME), "time", "--time-col", fileName);
                    int lat = require(ColumnDetector.find(h, opt.latCol(), ColumnDetector.LAT), "latitude", "--lat-col", fileName);
                    int lon = require(ColumnDetector.find(h, opt.lonCol(), ColumnDetector.LON), "longitude", "--lon-col", fileName);
                    int acc = ColumnDetector.find(h, null, ColumnDetector.ACCURACY);
                    int age = ColumnDetector.find(h, null, ColumnDetector.AGE);
                    int sex = ColumnDetector.find(h, null, ColumnDetector.SEX);
                    try (Statement st = c.createStatement()) {
                        st.execute("CREATE TABLE " + Sql.ident(staging) + " (pid BIGINT, ts TIMESTAMP, lat DOUBLE, lon DOUBLE"
                                + (acc >= 0 ? ", accuracy DOUBLE" : "") + (age >= 0 ? ", age_band VARCHAR" : "")
                                + (sex >= 0 ? ", sex VARCHAR" : "") + ")");
                    }
                    Pseudonymizer pz = vault.pseudonymizer();
                    Map<String, Long> memo = new java.util.HashMap<>();
                    long rows = 0;
                    long size = Files.size(file);
                    try (RowAppender app = RowAppender.open(c, staging)) {
                        List<String> r;
                        while ((r = src.next()) != null) {
                            long line = src.line();
                            String rawId = cell(r, id);
                            if (rawId.isEmpty()) {
                                throw err(fileName, line, h.get(id), "the id is empty");
                            }
                            Long pid = memo.get(rawId);
                            if (pid == null) {
                                if (memo.size() > 2_000_000) {
                                    memo.clear();
                                }
                                pid = pz.pseudonym(rawId);
                                memo.put(rawId, pid);
                            }
                            long micros = TimeParser.parseMicros(cell(r, ts));
                            if (micros == Long.MIN_VALUE) {
                                throw err(fileName, line, h.get(ts), "not a date and time (expected e.g. 2026-04-01 08:30:00)");
                            }
                            double la = number(cell(r, lat), fileName, line, h.get(lat), -90, 90);
                            double lo = number(cell(r, lon), fileName, line, h.get(lon), -180, 180);
                            app.beginRow().append(pid).appendEpochMicros(micros).append(la).append(lo);
                            if (acc >= 0) {
                                String a = cell(r, acc);
                                if (a.isEmpty()) {
                                    app.appendNull();
                                } else {
                                    app.append(number(a, fileName, line, h.get(acc), 0, Double.MAX_VALUE));
                                }
                            }
                            if (age >= 0) {
                                app.append(emptyToNull(cell(r, age)));
                            }
                            if (sex >= 0) {
                                app.append(emptyToNull(cell(r, sex)));
                            }
                            app.endRow();
                            rows++;
                            if ((rows & 0xFFFF) == 0) {
                                cancel.check();
                                progress.progress("Importing " + fileName, Math.min(src.position(), size), size);
                            }
                        }
                    }
                    memo.clear();
                    if (rows == 0) {
                        throw new WorkbenchException("The file " + fileName + " has no data rows.");
                    }
                    progress.progress("Encrypting " + opt.name(), size, size);
                    DatasetInfo template = new DatasetInfo(opt.name(), DatasetKind.LOCATION, fileName, src.sha256(),
                            Instant.now(), rows, List.of(), parquet ? null : src.encoding(), "", Sensitivity.PRIVATE,
                            "Pings (pseudonymised ids, HMAC-SHA-256 with the project secret)",
                            Map.of("location_kind", LocationImportOptions.Kind.PINGS.id()));
                    return vault.savePrivate(staging, template, cancel);
                }
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("DROP TABLE IF EXISTS " + Sql.ident(staging));
                }
            }
        } catch (IOException e) {
            throw new WorkbenchException("Cannot read " + fileName + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new WorkbenchException("Import of " + fileName + " failed in the in-memory database.", e);
        }
    }

    static String cell(List<String> r, int i) {
        return i < r.size() ? r.get(i).strip() : "";
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    static int require(int idx, String what, String option, String file) {
        if (idx < 0) {
            throw new WorkbenchException("No " + what + " column found in " + file + ". Name it with " + option + ".");
        }
        return idx;
    }

    static WorkbenchException err(String file, long line, String column, String message) {
        return new WorkbenchException(message, file, line, column, null);
    }

    static double number(String s, String file, long line, String column, double min, double max) {
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw err(file, line, column, "not a number");
        }
        if (!(v >= min && v <= max)) {
            throw err(file, line, column, "the value is out of range [" + min + ", " + max + "]");
        }
        return v;
    }

    /** Rows of a source file as strings. */
    interface Source extends AutoCloseable {
        List<String> headers();

        List<String> next() throws IOException, SQLException;

        long line();

        long position();

        String sha256() throws IOException;

        String encoding();

        @Override
        void close() throws IOException, SQLException;
    }

    static String sha256Of(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A CSV file read through the input layer's {@link RecordStream}: UTF-8 by DuckDB's read_csv on the vault's
     * in-memory connection, other encodings decoded as a stream in Java; never a plaintext copy on disk.
     */
    static final class CsvSource implements Source {
        private final Path file;
        private final RecordStream rows;
        private long line;
        private long approxPos;

        CsvSource(Path file, Connection memory) {
            this.file = file;
            this.rows = RecordStream.open(file, null, memory);
        }

        @Override
        public List<String> headers() {
            return rows.header();
        }

        @Override
        public List<String> next() {
            DelimitedText.Record r = rows.next();
            if (r == null) {
                return null;
            }
            line = r.line();
            approxPos += 40 + r.fields().size() * 8L;
            return r.fields();
        }

        @Override
        public long line() {
            return line;
        }

        @Override
        public long position() {
            return approxPos;
        }

        @Override
        public String sha256() throws IOException {
            return sha256Of(file);
        }

        @Override
        public String encoding() {
            return rows.encoding().label();
        }

        @Override
        public void close() {
            rows.close();
        }
    }

    /** A Parquet file read by DuckDB's read_parquet into the in-memory database, streamed over JDBC. */
    static final class ParquetSource implements Source {
        private final Path file;
        private final Statement st;
        private final ResultSet rs;
        private final List<String> headers = new ArrayList<>();
        private long line = 1;

        ParquetSource(Connection c, Path file) throws SQLException {
            this.file = file;
            this.st = c.createStatement();
            String src = "read_parquet(" + Sql.literal(file.toAbsolutePath().toString()) + ")";
            try (ResultSet meta = st.executeQuery("DESCRIBE SELECT * FROM " + src)) {
                while (meta.next()) {
                    headers.add(meta.getString(1));
                }
            }
            StringBuilder sel = new StringBuilder();
            for (String h : headers) {
                sel.append(sel.length() == 0 ? "" : ", ").append("CAST(").append(Sql.ident(h)).append(" AS VARCHAR)");
            }
            this.rs = st.executeQuery("SELECT " + sel + " FROM " + src);
        }

        @Override
        public List<String> headers() {
            return headers;
        }

        @Override
        public List<String> next() throws SQLException {
            if (!rs.next()) {
                return null;
            }
            line++;
            List<String> r = new ArrayList<>(headers.size());
            for (int i = 1; i <= headers.size(); i++) {
                String v = rs.getString(i);
                r.add(v == null ? "" : v);
            }
            return r;
        }

        @Override
        public long line() {
            return line;
        }

        @Override
        public long position() {
            return line * 40;
        }

        @Override
        public String sha256() throws IOException {
            return sha256Of(file);
        }

        @Override
        public String encoding() {
            return null;
        }

        @Override
        public void close() throws SQLException {
            rs.close();
            st.close();
        }
    }
}
