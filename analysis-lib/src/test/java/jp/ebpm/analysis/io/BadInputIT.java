package jp.ebpm.analysis.io;

import static jp.ebpm.analysis.io.ImportTestFiles.CP932;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.CancelledException;
import jp.ebpm.analysis.task.ProgressListener;

/** Every kind of bad input gives a clear error and leaves the project exactly as it was. */
class BadInputIT {

    @TempDir
    Path dir;
    Project project;
    Map<String, Object> before;

    @BeforeEach
    void open() throws IOException {
        project = Project.create(dir.resolve("p"));
        Importer.importFile(project, ImportTestFiles.write(dir, "existing.csv", "a,b\n1,2\n", StandardCharsets.UTF_8),
                ImportOptions.defaults(), ProgressListener.NONE, Cancellation.none());
        before = ImportTestFiles.snapshot(project);
    }

    @AfterEach
    void close() throws IOException {
        assertEquals(before, ImportTestFiles.snapshot(project), "the project changed");
        assertTrue(ImportTestFiles.tmpEmpty(project), ".tmp is not empty");
        project.close();
    }

    private WorkbenchException fails(Path f, ImportOptions o) {
        return assertThrows(WorkbenchException.class,
                () -> Importer.importFile(project, f, o, ProgressListener.NONE, Cancellation.none()));
    }

    private Path text(String name, String content) throws IOException {
        return ImportTestFiles.write(dir, name, content, StandardCharsets.UTF_8);
    }

    @Test
    void raggedRowInSample() throws IOException {
        WorkbenchException e = fails(text("r.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n"), ImportOptions.defaults());
        assertEquals(3L, e.line().orElseThrow());
        assertTrue(e.getMessage().contains("has 2 fields but the table has 3 columns"), e.getMessage());
    }

    @Test
    void raggedRowBeyondSampleIsFoundByDuckDb() throws IOException {
        StringBuilder sb = new StringBuilder("id,v\n");
        int rows = 400_000; // about 5 MB, more than the 4 MB sample
        for (int i = 1; i <= rows; i++) {
            sb.append(i).append(",value").append(i).append('\n');
        }
        sb.append("7,8,9\n");
        WorkbenchException e = fails(text("big.csv", sb.toString()), ImportOptions.defaults());
        assertEquals(rows + 2L, e.line().orElseThrow()); // header + 400000 rows, then the bad line
        assertTrue(e.getMessage().contains("has 3 fields but the table has 2 columns"), e.getMessage());
    }

    @Test
    void bytesInvalidInChosenEncoding() throws IOException {
        Path f = ImportTestFiles.write(dir, "sjis.csv", "名前,値\n髙橋,1\n", CP932);
        WorkbenchException e = fails(f, ImportOptions.defaults().withEncoding("utf-8"));
        assertTrue(e.getMessage().contains("not valid UTF-8") && e.getMessage().contains("byte offset 0"), e.getMessage());
        assertEquals(1L, e.line().orElseThrow());
        byte[] b = "a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = Arrays.copyOf(b, b.length + 3);
        bad[b.length] = '3';
        bad[b.length + 1] = ',';
        bad[b.length + 2] = (byte) 0x81; // a CP932 lead byte without its trail byte at the end of the file
        Path g = dir.resolve("cut.csv");
        Files.write(g, bad);
        WorkbenchException e2 = fails(g, ImportOptions.defaults().withEncoding("cp932"));
        assertEquals(3L, e2.line().orElseThrow());
        assertTrue(e2.getMessage().contains("byte offset 10"), e2.getMessage()); // 8 bytes of lines 1-2, then "3,"
    }

    @Test
    void invalidUtf8BeyondTheSampleNamesLineAndOffset() throws IOException {
        StringBuilder sb = new StringBuilder("id,名前\n");
        int rows = 300_000;
        for (int i = 1; i <= rows; i++) {
            sb.append(i).append(",川崎").append(i % 10).append('\n');
        }
        byte[] good = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(good, good.length + 4);
        all[good.length] = '9';
        all[good.length + 1] = ',';
        all[good.length + 2] = (byte) 0xFF; // never valid in UTF-8
        all[good.length + 3] = '\n';
        Path f = dir.resolve("late.csv");
        Files.write(f, all);
        WorkbenchException e = fails(f, ImportOptions.defaults());
        assertEquals(rows + 2L, e.line().orElseThrow()); // header + rows, then the bad line
        assertTrue(e.getMessage().contains("byte offset " + (good.length + 2)), e.getMessage());
    }

    @Test
    void emptyFiles() throws IOException {
        assertTrue(fails(text("empty.csv", ""), ImportOptions.defaults()).getMessage().contains("empty"));
        assertTrue(fails(text("blank.csv", "\n\n  \n"), ImportOptions.defaults()).getMessage().contains("no data"));
    }

    @Test
    void headerOnly() throws IOException {
        assertTrue(fails(text("h.csv", "a,b,c\n"), ImportOptions.defaults()).getMessage().contains("no data rows"));
    }

    @Test
    void duplicateAndEmptyColumnNames() throws IOException {
        assertTrue(fails(text("d.csv", "区,人口,区\n1,2,3\n"), ImportOptions.defaults()).getMessage().contains("appears twice"));
        assertTrue(fails(text("e.csv", "a,,c\nx,2,3\n"), ImportOptions.defaults()).getMessage().contains("no name"));
    }

    @Test
    void truncatedAndEmptyXlsx() throws IOException {
        Path ok = ImportTestFiles.workbook(dir, "ok.xlsx", false);
        byte[] all = Files.readAllBytes(ok);
        Path cut = dir.resolve("cut.xlsx");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        assertTrue(fails(cut, ImportOptions.defaults()).getMessage().contains("cannot be read"));
        Path zero = dir.resolve("zero.xlsx");
        Files.write(zero, new byte[0]);
        assertTrue(fails(zero, ImportOptions.defaults()).getMessage().contains("empty"));
    }

    @Test
    void truncatedParquet() throws IOException {
        Path pq = dir.resolve("ok.parquet");
        project.execute("COPY (SELECT range AS id FROM range(1000)) TO '" + pq + "' (FORMAT parquet)");
        byte[] all = Files.readAllBytes(pq);
        Path cut = dir.resolve("cut.parquet");
        Files.write(cut, Arrays.copyOf(all, all.length - 20));
        assertTrue(fails(cut, ImportOptions.defaults()).getMessage().contains("damaged or incomplete"));
    }

    @Test
    void excelDuplicateHeaderNamesTheCell() throws IOException {
        Path f = dir.resolve("dup.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.OutputStream out = Files.newOutputStream(f)) {
            org.apache.poi.ss.usermodel.Sheet s = wb.createSheet("Sheet1");
            org.apache.poi.ss.usermodel.Row h = s.createRow(0);
            h.createCell(0).setCellValue("区");
            h.createCell(1).setCellValue("人口");
            h.createCell(2).setCellValue("区");
            org.apache.poi.ss.usermodel.Row r = s.createRow(1);
            r.createCell(0).setCellValue("川崎区");
            r.createCell(1).setCellValue(1);
            r.createCell(2).setCellValue("x");
            wb.write(out);
        }
        WorkbenchException e = fails(f, ImportOptions.defaults());
        assertTrue(e.getMessage().startsWith("dup.xlsx: Sheet1!C1: the column name \"区\" appears twice"), e.getMessage());
    }

    @Test
    void fileNotWhatItsExtensionSays() throws IOException {
        Path pdf = dir.resolve("report.csv");
        Files.write(pdf, "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(fails(pdf, ImportOptions.defaults()).getMessage().contains("a PDF document"));
        Path zip = dir.resolve("book.csv");
        Files.copy(ImportTestFiles.workbook(dir, "b.xlsx", false), zip);
        assertTrue(fails(zip, ImportOptions.defaults()).getMessage().contains("ZIP archive"));
        Path csv = text("x.xlsx", "a,b\n1,2\n");
        assertTrue(fails(csv, ImportOptions.defaults()).getMessage().contains("plain text"));
    }

    @Test
    void nameAlreadyExists() throws IOException {
        WorkbenchException e = fails(text("existing2.csv", "x\n1\n"), ImportOptions.defaults().withName("existing"));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    }

    @Test
    void valueNotFittingOverriddenType() throws IOException {
        WorkbenchException e = fails(text("t.csv", "a,b\n1,x\n2,y\n"), ImportOptions.defaults().withColumnTypes(Map.of("b", "BIGINT")));
        assertEquals("b", e.column().orElseThrow());
        assertEquals(2L, e.line().orElseThrow());
    }

    @Test
    void cancelDuringTranscoding() throws IOException {
        StringBuilder sb = new StringBuilder("名前,値\n");
        for (int i = 0; i < 300_000; i++) {
            sb.append("髙橋").append(i).append(',').append(i).append('\n');
        }
        Path f = ImportTestFiles.write(dir, "big-sjis.csv", sb.toString(), CP932);
        Cancellation cancel = new Cancellation();
        ProgressListener cancelAfterFirstChunk = (m, done, total) -> {
            if (done > 0 && done < total) {
                cancel.cancel();
            }
        };
        assertThrows(CancelledException.class, () -> Importer.importFile(project, f, ImportOptions.defaults(), cancelAfterFirstChunk, cancel));
    }

    @Test
    void cancelWhileDuckDbReadsALargeUtf8File() throws IOException {
        StringBuilder sb = new StringBuilder("id,名前,値\n");
        for (int i = 0; i < 500_000; i++) {
            sb.append(i).append(",川崎").append(i).append(',').append(i * 0.5).append('\n');
        }
        Path f = text("large.csv", sb.toString());
        Cancellation cancel = new Cancellation();
        // the SHA-256 thread reports every 1 MB while DuckDB reads; the import cannot commit before it finishes
        ProgressListener cancelAtSecondMegabyte = (m, done, total) -> {
            if (done >= 2 << 20 && done < total) {
                cancel.cancel();
            }
        };
        assertThrows(CancelledException.class, () -> Importer.importFile(project, f, ImportOptions.defaults(), cancelAtSecondMegabyte, cancel));
    }

    @Test
    void cancelExcelAndStatisticsImports() throws IOException {
        Path xlsx = ImportTestFiles.workbook(dir, "c.xlsx", false);
        Path stat = text("s.csv", "地域,人口\n川崎区,χ\n幸区,3\n");
        for (ImportOptions o : java.util.List.of(ImportOptions.defaults(), ImportOptions.defaults().withStatistics(true))) {
            for (Path f : java.util.List.of(xlsx, stat)) {
                Cancellation cancel = new Cancellation();
                ProgressListener cancelOnRead = (m, done, total) -> {
                    if (m != null && m.startsWith("Reading")) {
                        cancel.cancel();
                    }
                };
                assertThrows(CancelledException.class, () -> Importer.importFile(project, f, o, cancelOnRead, cancel));
            }
        }
    }

    @Test
    void cancelWhileDuckDbReads() throws IOException {
        Path f = text("c.csv", "a,b\n1,2\n3,4\n");
        Cancellation cancel = new Cancellation();
        ProgressListener cancelOnRead = (m, done, total) -> {
            if (m != null && m.startsWith("Reading")) {
                cancel.cancel();
            }
        };
        assertThrows(CancelledException.class, () -> Importer.importFile(project, f, ImportOptions.defaults(), cancelOnRead, cancel));
    }
}
