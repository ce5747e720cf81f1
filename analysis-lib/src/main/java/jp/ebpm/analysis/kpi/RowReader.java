package jp.ebpm.analysis.kpi;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jp.ebpm.analysis.io.GridRow;

/** Reads the typed cells of one register row and records problems naming file, row and column. */
final class RowReader {

    private final String file;
    private final GridRow row;
    private final Map<KpiColumn, Integer> cols;
    private final List<String> headers;
    private final List<KpiRegisterFormat.Problem> problems;

    RowReader(String file, GridRow row, Map<KpiColumn, Integer> cols, List<String> headers,
              List<KpiRegisterFormat.Problem> problems) {
        this.file = file;
        this.row = row;
        this.cols = cols;
        this.headers = headers;
        this.problems = problems;
    }

    private Object raw(KpiColumn c) {
        Integer i = cols.get(c);
        return i == null ? null : row.cell(i);
    }

    private String header(KpiColumn c) {
        Integer i = cols.get(c);
        return i == null ? c.header() : headers.get(i);
    }

    void problem(KpiColumn c, String message) {
        problems.add(new KpiRegisterFormat.Problem(file, row.number(), header(c), message));
    }

    String text(KpiColumn c) {
        return KpiRegisterFormat.text(raw(c));
    }

    Direction direction() {
        String t = text(KpiColumn.DIRECTION);
        Optional<Direction> d = Direction.find(t);
        if (d.isEmpty()) {
            problem(KpiColumn.DIRECTION, t.isEmpty() ? "The direction is empty: write increase, decrease, maintain_at_least or do_not_exceed (増加, 減少, 維持, 上限)."
                    : "Unknown direction \"" + t + "\": write increase, decrease, maintain_at_least or do_not_exceed (増加, 減少, 維持, 上限).");
        }
        return d.orElse(null);
    }

    boolean bool(KpiColumn c) {
        Object o = raw(c);
        if (o instanceof Boolean b) {
            return b;
        }
        String t = Normalizer.normalize(KpiRegisterFormat.text(o), Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "", "no", "false", "0", "n", "×", "x", "いいえ", "非累計", "単年度", "-", "off", "none", "なし" -> {
                return false;
            }
            case "yes", "true", "1", "y", "○", "〇", "◯", "はい", "累計", "変更", "on", "あり" -> {
                return true;
            }
            default -> {
                problem(c, "\"" + t + "\" is not yes or no.");
                return false;
            }
        }
    }

    CumulativeInput cumulativeInput() {
        String t = text(KpiColumn.CUMULATIVE_INPUT);
        if (t.isEmpty()) {
            return CumulativeInput.RUNNING;
        }
        Optional<CumulativeInput> ci = CumulativeInput.find(t);
        if (ci.isEmpty()) {
            problem(KpiColumn.CUMULATIVE_INPUT, "Unknown cumulative input \"" + t + "\": write running (累計値) or yearly (単年度値).");
        }
        return ci.orElse(CumulativeInput.RUNNING);
    }

    Integer year(KpiColumn c) {
        String t = text(c);
        if (t.isEmpty()) {
            problem(c, "The fiscal year is empty.");
            return null;
        }
        Optional<FiscalYear> fy = FiscalYear.tryParse(t);
        if (fy.isEmpty()) {
            problem(c, "\"" + t + "\" is not a fiscal year (write e.g. 2017, FY2017, 2017年度 or 平成29年度).");
            return null;
        }
        return fy.get().year();
    }

    Double number(KpiColumn c, boolean noneIsZero) {
        Object o = raw(c);
        if (o instanceof Double d) {
            return d;
        }
        String t = KpiRegisterFormat.text(o);
        if (noneIsZero && (t.isEmpty() || KpiRegisterFormat.isNone(t))) {
            return 0.0;
        }
        Optional<Double> v = KpiRegisterFormat.number(t);
        if (v.isEmpty()) {
            problem(c, t.isEmpty() ? "The value is empty." : "\"" + t + "\" is not a number.");
            return null;
        }
        return v.get();
    }

    Double actual(int column) {
        Object o = row.cell(column);
        if (o instanceof Double d) {
            return d;
        }
        String t = KpiRegisterFormat.text(o);
        if (t.isEmpty() || KpiRegisterFormat.isNone(t)) {
            return null;
        }
        Optional<Double> v = KpiRegisterFormat.number(t);
        if (v.isEmpty()) {
            problems.add(new KpiRegisterFormat.Problem(file, row.number(), headers.get(column),
                    "\"" + t + "\" is not a number (leave the cell empty when there is no actual)."));
            return null;
        }
        return v.get();
    }
}
