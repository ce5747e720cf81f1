package jp.ebpm.analysis.privacy.location;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.io.DelimitedText;
import jp.ebpm.analysis.io.RecordStream;
import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.RowAppender;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Imports mesh population data (as in mobile spatial statistics) from CSV: mesh code, date, hour of day,
 * population, and any further numeric columns (e.g. an age/sex breakdown such as {@code male_20s}).
 * Table: {@code mesh_code VARCHAR, date DATE, hour BIGINT, population DOUBLE, <breakdown> DOUBLE...};
 * stored like pings: in memory and as an encrypted file, sensitivity PRIVATE, kind LOCATION.
 */
public final class MeshPopulationImporter {

    private MeshPopulationImporter() {
    }

    /** Imports a mesh population CSV file. */
    public static DatasetInfo importFile(UnlockedVault vault, Path file, LocationImportOptions opt,
                                         ProgressListener progress, Cancellation cancel) {
        String fileName = file.getFileName().toString();
        String staging = "_imp_" + Long.toHexString(System.nanoTime());
        if (!Files.isRegularFile(file)) {
            throw new WorkbenchException("The file " + fileName + " does not exist.");
        }
        try (Connection c = vault.memory().connect(); RecordStream csv = RecordStream.open(file, null, c)) {
            try {
                List<String> h = csv.header();
                int mesh = PingImporter.require(ColumnDetector.find(h, null, ColumnDetector.MESH), "mesh code", "a header named mesh_code", fileName);
                int date = PingImporter.require(ColumnDetector.find(h, null, ColumnDetector.DATE), "date", "a header named date", fileName);
                int hour = PingImporter.require(ColumnDetector.find(h, null, ColumnDetector.HOUR), "hour", "a header named hour", fileName);
                int pop = PingImporter.require(ColumnDetector.find(h, null, ColumnDetector.POPULATION), "population", "a header named population", fileName);
                List<Integer> extra = new ArrayList<>();
                StringBuilder ddl = new StringBuilder("mesh_code VARCHAR, date DATE, hour BIGINT, population DOUBLE");
                for (int i = 0; i < h.size(); i++) {
                    if (i != mesh && i != date && i != hour && i != pop) {
                        extra.add(i);
                        ddl.append(", ").append(Sql.ident(h.get(i).strip())).append(" DOUBLE");
                    }
                }
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE " + Sql.ident(staging) + " (" + ddl + ")");
                }
                long rows = 0;
                try (RowAppender app = RowAppender.open(c, staging)) {
                    for (DelimitedText.Record rec = csv.next(); rec != null; rec = csv.next()) {
                        List<String> r = rec.fields();
                        long line = rec.line();
                        String code = PingImporter.cell(r, mesh);
                        if (!code.matches("[0-9]{4,11}")) {
                            throw PingImporter.err(fileName, line, h.get(mesh), "not a JIS X 0410 mesh code");
                        }
                        long days = TimeParser.parseDays(PingImporter.cell(r, date));
                        if (days == Long.MIN_VALUE) {
                            throw PingImporter.err(fileName, line, h.get(date), "not a date (expected e.g. 2026-04-01)");
                        }
                        double hr = PingImporter.number(PingImporter.cell(r, hour), fileName, line, h.get(hour), 0, 23);
                        app.beginRow().append(code).appendEpochDays((int) days).append((long) hr)
                                .append(PingImporter.number(PingImporter.cell(r, pop), fileName, line, h.get(pop), 0, Double.MAX_VALUE));
                        for (int i : extra) {
                            String v = PingImporter.cell(r, i);
                            if (v.isEmpty()) {
                                app.appendNull();
                            } else {
                                app.append(PingImporter.number(v, fileName, line, h.get(i), -Double.MAX_VALUE, Double.MAX_VALUE));
                            }
                        }
                        app.endRow();
                        rows++;
                        if ((rows & 0xFFFF) == 0) {
                            cancel.check();
                            progress.progress("Importing " + fileName, rows, -1);
                        }
                    }
                }
                if (rows == 0) {
                    throw new WorkbenchException("The file " + fileName + " has no data rows.");
                }
                DatasetInfo template = new DatasetInfo(opt.name(), DatasetKind.LOCATION, fileName,
                        PingImporter.sha256Of(file), Instant.now(), rows, List.of(), csv.encoding().label(), "",
                        Sensitivity.PRIVATE, "Mesh population", Map.of("location_kind",
                        LocationImportOptions.Kind.MESH_POPULATION.id()));
                return vault.savePrivate(staging, template, cancel);
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("DROP TABLE IF EXISTS " + Sql.ident(staging));
                }
            }
        } catch (IOException e) {
            throw new WorkbenchException("The file cannot be read (" + e.getMessage() + ").", fileName, null, null, e);
        } catch (SQLException e) {
            throw new WorkbenchException("Import of " + fileName + " failed in the in-memory database.", e);
        }
    }
}
