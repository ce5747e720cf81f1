package jp.ebpm.analysis.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.ColumnInfo;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.ScratchDatabase;
import jp.ebpm.analysis.store.Sql;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.CancelledException;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Imports delimited text. The dialect comes from {@link CsvPlan}; DuckDB's {@code read_csv} parses the file and
 * infers column types (its sniffer reads a sample of 20,480 rows). UTF-8 files are read in place while their
 * SHA-256 is computed on a second thread; files in other encodings are first transcoded as a stream into a
 * UTF-8 file in the project's {@code .tmp} folder (hashing in the same pass), which is deleted afterwards.
 */
final class CsvImport {

    private CsvImport() {
    }

    static ImportPreview preview(Path file, ImportOptions o) {
        byte[] sample = TextEncoding.readSample(file);
        boolean complete = sample.length < TextEncoding.SAMPLE_BYTES;
        CsvPlan plan = CsvPlan.detect(file, o, sample, complete);
        String text = TextEncoding.decodeSample(sample, plan.encoding(), complete, file.getFileName().toString());
        Path tmp = null;
        try {
            tmp = Files.createTempFile("wb-preview-", ".csv");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            List<String> warnings = new ArrayList<>();
            try (Connection c = ScratchDatabase.connect(); Statement st = c.createStatement()) {
                String source = "SELECT * FROM " + plan.readCsv(tmp, o.statistics(), o.columnTypes()) + " LIMIT 100";
                List<ColumnInfo> cols = new ArrayList<>();
                List<List<String>> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery(source)) {
                    ResultSetMetaData md = rs.getMetaData();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        cols.add(new ColumnInfo(plan.names().get(i - 1), o.statistics() ? "VARCHAR" : md.getColumnTypeName(i)));
                    }
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= cols.size(); i++) {
                            row.add(rs.getString(i));
                        }
                        rows.add(row);
                    }
                }
                if (o.statistics()) {
                    warnings.add("Statistics table: symbols " + String.join(" ", StatisticsTable.SYMBOLS)
                            + " will be read as missing values with a flag column; column types are decided on import.");
                }
                return new ImportPreview("csv", plan.encoding().label(), plan.delimiter(), plan.header(), List.of(),
                        (int) (plan.firstLine() - 1), cols, rows, warnings);
            } catch (SQLException e) {
                throw DuckErrors.csv(e, file.getFileName().toString(), plan.encoding());
            }
        } catch (IOException e) {
            throw new WorkbenchException("Cannot write a temporary file for the preview: " + e.getMessage(), e);
        } finally {
            ImportSupport.deleteQuietly(tmp);
        }
    }

    static ImportResult run(Project p, Path file, ImportOptions o, String name, ProgressListener progress, Cancellation cancel) {
        String fileName = file.getFileName().toString();
        byte[] sample = TextEncoding.readSample(file);
        boolean complete = sample.length < TextEncoding.SAMPLE_BYTES;
        CsvPlan plan = CsvPlan.detect(file, o, sample, complete);
        sample = null;
        Path tmp = null;
        Thread hasher = null;
        Cancellation hashCancel = new Cancellation();
        AtomicReference<Object> hashResult = new AtomicReference<>();
        try {
            Path utf8;
            String sha;
            if (plan.encoding().isUtf8()) {
                utf8 = file;
                sha = null;
                hasher = new Thread(() -> {
                    try {
                        hashResult.set(Transcoder.sha256(file, progress, hashCancel));
                    } catch (RuntimeException e) {
                        hashResult.set(e);
                    }
                }, "import-sha256");
                hasher.setDaemon(true);
                hasher.start();
            } else {
                progress.progress("Converting " + fileName + " from " + plan.encoding().label() + " to UTF-8", 0, -1);
                tmp = ImportSupport.tmpDir(p).resolve("import-" + UUID.randomUUID() + ".csv");
                sha = Transcoder.run(file, plan.encoding(), tmp, progress, cancel);
                utf8 = tmp;
            }
            progress.progress("Reading " + fileName, 0, -1);
            Path source = utf8;
            Thread h = hasher;
            List<String> warnings = new ArrayList<>();
            String shaTranscoded = sha;
            DatasetInfo info = p.inTransaction(c -> {
                try {
                    if (o.statistics()) {
                        String stage = "_wb_stage_" + UUID.randomUUID().toString().replace("-", "");
                        ImportSupport.execute(c, "CREATE TABLE " + Sql.ident(stage) + " AS SELECT * FROM "
                                + plan.readCsv(source, true, Map.of()), cancel);
                        StatisticsTable.Outcome out = StatisticsTable.convert(c, stage, name, plan.names(), cancel);
                        ImportSupport.execute(c, "DROP TABLE " + Sql.ident(stage), cancel);
                        if (out.droppedRows() > 0) {
                    warnings.add(out.droppedRows() + " rows with nothing after their first cell (notes under the table) were left out.");
                }
                if (out.symbolCells() > 0) {
                            warnings.add(out.symbolCells() + " cells held statistics symbols and were read as missing values;"
                                    + " the symbols are kept in " + String.join(", ", out.flaggedColumns().stream().map(s -> s + "_flag").toList()) + ".");
                        }
                        ImportSupport.applyOverrides(c, name, o.columnTypes(), fileName);
                    } else {
                        ImportSupport.execute(c, "CREATE TABLE " + Sql.ident(name) + " AS SELECT * FROM "
                                + plan.readCsv(source, false, o.columnTypes()), cancel);
                    }
                } catch (SQLException e) {
                    if (plan.encoding().isUtf8() && String.valueOf(e.getMessage()).contains("Invalid unicode")) {
                        // name the exact byte offset: validate the file as a stream (throws at the first bad bytes)
                        Transcoder.run(file, plan.encoding(), null, ProgressListener.NONE, cancel);
                    }
                    throw DuckErrors.csv(e, fileName, plan.encoding());
                }
                long rows = ImportSupport.requireRows(c, name, fileName, "file");
                String digest = shaTranscoded != null ? shaTranscoded : awaitHash(h, hashResult, cancel);
                Map<String, String> props = new LinkedHashMap<>();
                props.put("format", "csv");
                props.put("delimiter", plan.delimiterName());
                props.put("header_rows", String.valueOf(plan.headerRows()));
                props.put("skip_lines", String.valueOf(plan.firstLine() - 1));
                cancel.check();
                return ImportSupport.register(p, c, name, file, digest, rows, plan.encoding().label(), o, props);
            });
            return new ImportResult(info, warnings);
        } finally {
            hashCancel.cancel();
            if (hasher != null) {
                try {
                    hasher.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ImportSupport.deleteQuietly(tmp);
        }
    }

    private static String awaitHash(Thread hasher, AtomicReference<Object> result, Cancellation cancel) {
        try {
            hasher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
        Object r = result.get();
        if (r instanceof RuntimeException e) {
            throw e;
        }
        cancel.check();
        return (String) r;
    }
}
