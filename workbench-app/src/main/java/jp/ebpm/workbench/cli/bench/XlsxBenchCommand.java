package jp.ebpm.workbench.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

import jp.ebpm.analysis.export.xlsx.CellFormat;
import jp.ebpm.analysis.export.xlsx.Provenance;
import jp.ebpm.analysis.export.xlsx.ReportInfo;
import jp.ebpm.analysis.export.xlsx.ReportWriter;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench bench xlsx}: stream N rows x 6 columns into a report; prints seconds and heap. */
@Command(name = "xlsx", mixinStandardHelpOptions = true, description = "Stream a large table into an .xlsx report.")
final class XlsxBenchCommand implements Callable<Integer> {
    @Option(names = "--rows", defaultValue = "1000000")
    long rows;

    @Option(names = "--out", description = "Output file (default: a temporary file, deleted).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path file = out != null ? out : Files.createTempFile("bench-", ".xlsx");
        long t0 = System.nanoTime();
        long n;
        try (ReportWriter w = new ReportWriter(ReportInfo.of("bench", "", LocalDate.now(), "", "bench"))) {
            String[] wards = {"川崎区", "幸区", "中原区", "高津区", "宮前区", "多摩区", "麻生区"};
            LocalDate d0 = LocalDate.of(2021, 4, 1);
            Iterator<Object[]> it = new Iterator<>() {
                long i;

                @Override
                public boolean hasNext() {
                    return i < rows;
                }

                @Override
                public Object[] next() {
                    long k = i++;
                    return new Object[] {k, wards[(int) (k % 7)], d0.plusDays(k % 365), (k * 37 % 1000) / 10.0,
                        (k % 3 == 0) ? "=cmd" : "回答" + (k % 100), k % 5 == 0};
                }
            };
            n = w.addLargeTable("明細", List.of("id", "区", "日付", "値", "自由記述", "flag"),
                    List.of(CellFormat.INTEGER, CellFormat.GENERAL, CellFormat.GENERAL, CellFormat.DECIMAL1), it,
                    Provenance.of(new ArrayList<>(), "bench", null), ProgressListener.NONE, Cancellation.none());
            w.write(file);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        Runtime rt = Runtime.getRuntime();
        spec.commandLine().getOut().printf("rows=%d seconds=%.2f maxHeapMB=%d usedHeapMB=%d fileMB=%.1f%n", n, s,
                rt.maxMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20, Files.size(file) / 1e6);
        if (out == null) {
            Files.delete(file);
        }
        return 0;
    }
}
