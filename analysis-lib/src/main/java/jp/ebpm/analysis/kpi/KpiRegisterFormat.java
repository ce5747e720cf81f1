package jp.ebpm.analysis.kpi;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.io.GridRow;

/**
 * The tabular KPI register format shared by .xlsx, CSV and project datasets: a header row, then one row per
 * KPI with the {@link KpiColumn fixed columns} and one column per fiscal year holding that year's actual.
 * Fiscal-year headers may be written {@code FY2018}, {@code 2018年度}, {@code 令和元年度}, {@code R3},
 * optionally with 実績 before or after. See docs/kpi.md.
 *
 * <p>Parsing checks every cell and reports the first problem as a {@link WorkbenchException} naming the
 * file, the row and the column, with the number of further problems.
 *
 * @since 0.1
 */
public final class KpiRegisterFormat {

    private KpiRegisterFormat() {
    }

    /** A problem found while reading a register. */
    public record Problem(String file, long row, String column, String message) {
        /** The problem as an exception. */
        public WorkbenchException toException(int more) {
            return new WorkbenchException(message + (more > 0 ? " (and " + more + " more problem" + (more > 1 ? "s" : "") + ")" : ""),
                    file, row, column, null);
        }
    }

    /**
     * Reads a register from rows. The header is the first row with at least three non-empty cells; rows
     * above it (a title) and blank rows are skipped.
     *
     * @param file name of the file for messages
     * @param rows the rows
     * @return the register
     * @throws WorkbenchException for a missing column, an unknown direction, a non-numeric value, a target
     *                            year before the baseline year, or a duplicate KPI id or name
     */
    public static KpiRegister parse(String file, List<GridRow> rows) {
        List<Problem> problems = new ArrayList<>();
        KpiRegister reg = parse(file, rows, problems);
        if (!problems.isEmpty()) {
            throw problems.get(0).toException(problems.size() - 1);
        }
        return reg;
    }

    /** Like {@link #parse(String, List)} but collects every problem; the register holds the valid rows. */
    public static KpiRegister parse(String file, List<GridRow> rows, List<Problem> problems) {
        int h = 0;
        while (h < rows.size() && nonEmpty(rows.get(h)) < 3) {
            h++;
        }
        if (h == rows.size()) {
            problems.add(new Problem(file, 1, null, "No header row found: the first row must name the columns (指標名, 方向, 基準年度, ...)."));
            return new KpiRegister(List.of());
        }
        GridRow header = rows.get(h);
        Map<KpiColumn, Integer> cols = new EnumMap<>(KpiColumn.class);
        TreeMap<Integer, Integer> yearCols = new TreeMap<>();
        List<String> headers = new ArrayList<>();
        for (int c = 0; c < header.cells().size(); c++) {
            String text = text(header.cell(c));
            headers.add(text);
            if (text.isEmpty()) {
                continue;
            }
            Optional<KpiColumn> col = KpiColumn.find(text);
            if (col.isPresent()) {
                cols.putIfAbsent(col.get(), c);
                continue;
            }
            Optional<FiscalYear> fy = FiscalYear.tryParse(text.replace("実績", "").replace("actual", "").trim());
            if (fy.isPresent()) {
                if (yearCols.put(fy.get().year(), c) != null) {
                    problems.add(new Problem(file, header.number(), text, "Fiscal year " + fy.get().year()
                            + " has two columns."));
                }
            } else {
                problems.add(new Problem(file, header.number(), text, "Unknown column \"" + text
                        + "\": use the documented names (指標ID, 施策, 指標名, 単位, 方向, 累計, 累計入力, 基準年度, 基準値,"
                        + " 目標年度, 目標値, 指標変更, 出典, 備考) or a fiscal year such as FY2021, 2021年度 or 令和3年度."));
            }
        }
        for (KpiColumn c : KpiColumn.values()) {
            if (c.required() && !cols.containsKey(c)) {
                problems.add(new Problem(file, header.number(), c.header(), "The column \"" + c.header()
                        + "\" is missing."));
            }
        }
        if (!problems.isEmpty()) {
            return new KpiRegister(List.of());
        }
        List<Kpi> kpis = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        Map<String, Long> names = new HashMap<>();
        for (int r = h + 1; r < rows.size(); r++) {
            GridRow row = rows.get(r);
            if (row.isBlank()) {
                continue;
            }
            RowReader rr = new RowReader(file, row, cols, headers, problems);
            int before = problems.size();
            String id = rr.text(KpiColumn.ID);
            if (id.isEmpty()) {
                id = String.format(Locale.ROOT, "K%02d", kpis.size() + 1);
            }
            String name = rr.text(KpiColumn.NAME);
            if (name.isEmpty()) {
                rr.problem(KpiColumn.NAME, "The KPI name is empty.");
            }
            Direction dir = rr.direction();
            boolean cumulative = rr.bool(KpiColumn.CUMULATIVE);
            CumulativeInput input = rr.cumulativeInput();
            Integer by = rr.year(KpiColumn.BASELINE_YEAR);
            Double bv = rr.number(KpiColumn.BASELINE_VALUE, true);
            Integer ty = rr.year(KpiColumn.TARGET_YEAR);
            Double tv = rr.number(KpiColumn.TARGET_VALUE, false);
            if (by != null && ty != null && ty < by) {
                rr.problem(KpiColumn.TARGET_YEAR, "The target year " + ty + " is before the baseline year " + by + ".");
            }
            if (dir != null && bv != null && tv != null) {
                String contradiction = Kpi.targetContradiction(dir, bv, tv);
                if (contradiction != null) {
                    rr.problem(KpiColumn.TARGET_VALUE, contradiction);
                }
            }
            TreeMap<Integer, Double> actuals = new TreeMap<>();
            for (Map.Entry<Integer, Integer> e : yearCols.entrySet()) {
                Double v = rr.actual(e.getValue());
                if (v != null) {
                    actuals.put(e.getKey(), v);
                }
            }
            Long prev = ids.putIfAbsent(id, row.number());
            if (prev != null) {
                rr.problem(KpiColumn.ID, "The KPI id \"" + id + "\" is already used in row " + prev + ".");
            }
            if (!name.isEmpty()) {
                Long prevName = names.putIfAbsent(name, row.number());
                if (prevName != null) {
                    rr.problem(KpiColumn.NAME, "The KPI \"" + name + "\" is already listed in row " + prevName + ".");
                }
            }
            if (problems.size() == before && dir != null && by != null && bv != null && ty != null && tv != null) {
                kpis.add(new Kpi(id, rr.text(KpiColumn.MEASURE), name, rr.text(KpiColumn.UNIT), dir, cumulative,
                        input, by, bv, ty, tv, actuals, rr.bool(KpiColumn.CHANGED), rr.text(KpiColumn.SOURCE),
                        rr.text(KpiColumn.NOTES)));
            }
        }
        return new KpiRegister(kpis);
    }

    /**
     * The rows of a register: the header (fixed columns, then one column per fiscal year from the earliest
     * baseline or actual year to the latest target or actual year, labelled in {@code style}) and one row per KPI.
     * Values are {@link String}, {@link Double} or {@code null}.
     */
    public static List<List<Object>> toRows(KpiRegister register, YearStyle style) {
        List<List<Object>> out = new ArrayList<>();
        List<Object> header = new ArrayList<>();
        for (KpiColumn c : KpiColumn.values()) {
            header.add(c.header());
        }
        List<Integer> years = actualColumnYears(register);
        years.forEach(y -> header.add(FiscalYear.of(y).format(style)));
        out.add(header);
        for (Kpi k : register.kpis()) {
            List<Object> row = new ArrayList<>();
            row.add(k.id());
            row.add(k.measure());
            row.add(k.name());
            row.add(k.unit());
            row.add(k.direction().id());
            row.add(k.cumulative() ? "yes" : "no");
            row.add(k.cumulative() ? k.cumulativeInput().id() : "");
            row.add(FiscalYear.of(k.baselineYear()).format(style));
            row.add(k.baselineValue());
            row.add(FiscalYear.of(k.targetYear()).format(style));
            row.add(k.targetValue());
            row.add(k.changed() ? "yes" : "no");
            row.add(k.source());
            row.add(k.notes());
            years.forEach(y -> row.add(k.actuals().get(y)));
            out.add(row);
        }
        return out;
    }

    /** The fiscal years given an actual column on export: the year after the earliest baseline to the latest target or actual. */
    static List<Integer> actualColumnYears(KpiRegister register) {
        if (register.kpis().isEmpty()) {
            return List.of();
        }
        int from = register.kpis().stream().mapToInt(Kpi::baselineYear).min().orElseThrow() + 1;
        int to = register.kpis().stream().mapToInt(Kpi::targetYear).max().orElseThrow();
        if (!register.actualYears().isEmpty()) {
            from = Math.min(from, register.actualYears().first());
            to = Math.max(to, register.actualYears().last());
        }
        List<Integer> years = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            years.add(y);
        }
        return years;
    }

    private static int nonEmpty(GridRow row) {
        int n = 0;
        for (Object o : row.cells()) {
            if (!text(o).isEmpty()) {
                n++;
            }
        }
        return n;
    }

    static String text(Object o) {
        return GridRow.text(o);
    }

    /**
     * Parses a number as a clerk writes it: thousands separators ({@code ,} {@code ，}), full-width digits,
     * a trailing {@code %} (the value is kept in percent units, 13.6% → 13.6), a leading ≥, ≤ or 約 and a
     * trailing 以上 or 以下 ("≥ 300", "300以上"). Empty when it is no number.
     */
    public static Optional<Double> parseNumber(String s) {
        return number(s);
    }

    static Optional<Double> number(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).trim().replace(",", "").replace("−", "-");
        // plans write targets as "≥ 300", "300以上", "約105": the bound words carry no number
        for (String prefix : new String[] {">=", "<=", "≥", "≤", "≧", "≦", "約"}) {
            if (t.startsWith(prefix)) {
                t = t.substring(prefix.length()).trim();
            }
        }
        for (String suffix : new String[] {"以上", "以下", "%"}) {
            if (t.endsWith(suffix)) {
                t = t.substring(0, t.length() - suffix.length()).trim();
            }
        }
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            double d = Double.parseDouble(t);
            return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether a cell says "none": なし, 無し, none, —, -, ―, －, ー (counted as 0 in baselines). */
    static boolean isNone(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "none", "なし", "無し", "-", "—", "―", "ー", "‐", "–", "n/a" -> true;
            default -> false;
        };
    }
}
