package jp.ebpm.analysis.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.ebpm.analysis.stats.ContingencyTable;
import jp.ebpm.analysis.stats.Distributions;
import jp.ebpm.analysis.stats.Proportions;
import jp.ebpm.analysis.stats.RaoScott;

/** Turns the grouped counts of {@link CrossTabEngine} into {@link CrossTab}s (pure Java, small arrays). */
final class CrossTabAssembler {

    /** Columns with fewer respondents than this get a small-base warning. */
    static final double SMALL_BASE = 30;

    private CrossTabAssembler() {
    }

    /** A group with canonical codes. */
    private record Cell(String layer, String row, String col, double sumW, double sumW2, long n, String[] margins) {
    }

    /**
     * The design's respondents (usable weight), whatever their row and column values: the Rao–Scott test keeps the
     * whole design (domain rule, see {@link RaoScott}). {@code inTable} = both values present and not missing codes.
     */
    private record DesignRow(String layer, String row, String col, boolean inTable, double sumW, double sumW2, long n,
                             String[] margins) {
    }

    /** All design rows and their count. */
    private record Design(List<DesignRow> rows, long n) {
    }

    static CrossTabResult assemble(CrossTabSpec spec, List<CrossTabEngine.Group> groups) {
        Codebook.Variable rv = spec.codebook().variable(spec.rowVar()).orElse(null);
        Codebook.Variable cv = spec.codebook().variable(spec.colVar()).orElse(null);
        Codebook.Variable lv = spec.layerVar() == null ? null : spec.codebook().variable(spec.layerVar()).orElse(null);
        long excluded = 0;
        double missing = 0;
        List<Cell> cells = new ArrayList<>();
        List<DesignRow> designRows = new ArrayList<>();
        long designN = 0;
        for (CrossTabEngine.Group g : groups) {
            if (!g.weightOk()) {
                excluded += g.n();
                continue;
            }
            String r = Category.canonical(g.row());
            String c = Category.canonical(g.col());
            String l = Category.canonical(g.layer());
            String layerCode = l == null || Category.isMissingCode(l, lv) ? null : l;
            boolean rMissing = r == null || Category.isMissingCode(r, rv);
            boolean cMissing = c == null || Category.isMissingCode(c, cv);
            designRows.add(new DesignRow(layerCode, r, c, !rMissing && !cMissing, g.sumW(), g.sumW2(), g.n(), g.margins()));
            designN += g.n();
            if (cMissing || rMissing) {
                missing += g.sumW();
            }
            if (cMissing) {
                continue;
            }
            cells.add(new Cell(layerCode, rMissing ? missingKey(r) : r, c, g.sumW(), g.sumW2(), g.n(), g.margins()));
        }
        Design design = new Design(designRows, designN);
        CrossTab overall = build(spec, null, cells, rv, cv, design);
        List<CrossTab> layers = new ArrayList<>();
        if (spec.layerVar() != null) {
            Set<String> layerCodes = new LinkedHashSet<>();
            for (Cell c : cells) {
                if (c.layer() != null) {
                    layerCodes.add(c.layer());
                }
            }
            for (Category layer : Category.order(layerCodes, lv)) {
                List<Cell> sub = cells.stream().filter(c -> layer.code().equals(c.layer())).toList();
                layers.add(build(spec, layer, sub, rv, cv, design));
            }
        }
        return new CrossTabResult(spec, overall, layers, excluded, missing);
    }

    private static final String MISSING_PREFIX = "\u0000missing:";

    private static String missingKey(String code) {
        return MISSING_PREFIX + (code == null ? "" : code);
    }

    private static CrossTab build(CrossTabSpec spec, Category layer, List<Cell> cells, Codebook.Variable rv,
                                  Codebook.Variable cv, Design design) {
        Set<String> rowCodes = new LinkedHashSet<>();
        Set<String> colCodes = new LinkedHashSet<>();
        Set<String> missingCodes = new LinkedHashSet<>();
        for (Cell c : cells) {
            if (c.row().startsWith(MISSING_PREFIX)) {
                missingCodes.add(c.row());
            } else {
                rowCodes.add(c.row());
                colCodes.add(c.col());
            }
        }
        List<Category> rows = Category.order(rowCodes, rv);
        List<Category> cols = Category.order(colCodes, cv);
        Map<String, Integer> ri = index(rows);
        Map<String, Integer> ci = index(cols);
        int nr = rows.size();
        int nc = cols.size();
        double[][] sw = new double[nr][nc];
        double[][] sw2 = new double[nr][nc];
        long[][] un = new long[nr][nc];
        long respondents = 0;
        Map<String, double[]> missingRows = new LinkedHashMap<>();
        for (String m : missingCodes) {
            missingRows.put(m, new double[nc]);
        }
        for (Cell c : cells) {
            Integer j = ci.get(c.col());
            if (c.row().startsWith(MISSING_PREFIX)) {
                if (j != null) {
                    missingRows.get(c.row())[j] += c.sumW();
                }
                continue;
            }
            int i = ri.get(c.row());
            sw[i][j] += c.sumW();
            sw2[i][j] += c.sumW2();
            un[i][j] += c.n();
            respondents += c.n();
        }
        ContingencyTable table = ContingencyTable.of(sw);
        boolean sampling = spec.weightKind() == WeightKind.SAMPLING;
        ContingencyTable tests = table;
        RaoScott rs = null;
        List<String> warnings = new ArrayList<>();
        if (nr == 0 || nc == 0) {
            warnings.add("The table is empty: no respondent has valid values of both variables.");
        }
        if (sampling && table.total() > 0) {
            double scale = respondents / table.total();
            double[][] scaled = new double[nr][nc];
            for (int i = 0; i < nr; i++) {
                for (int j = 0; j < nc; j++) {
                    scaled[i][j] = sw[i][j] * scale;
                }
            }
            tests = ContingencyTable.of(scaled);
            if (nr >= 2 && nc >= 2 && respondents >= 2) {
                try {
                    rs = raoScott(spec, layer, sw, design, ri, ci, nr);
                } catch (RuntimeException e) {
                    warnings.add("The Rao-Scott test cannot be computed for this table (" + e.getMessage() + ").");
                }
            }
        }
        double[] base = new double[nc];
        for (int j = 0; j < nc; j++) {
            if (sampling) {
                for (int i = 0; i < nr; i++) {
                    base[j] += un[i][j];
                }
            } else {
                base[j] = table.colTotals()[j];
            }
            if (base[j] < SMALL_BASE) {
                warnings.add("Small base: column " + cols.get(j).label() + " has n = " + fmt(base[j])
                        + " (< 30); its percentages are unreliable.");
            }
        }
        double zCrit = Distributions.normalQuantile(1 - spec.alpha() / 2);
        String[][] markers = new String[nr][nc];
        Proportions.Interval[][] wilson = new Proportions.Interval[nr][nc];
        double[][] prop = new double[nr][nc];
        for (int i = 0; i < nr; i++) {
            for (int j = 0; j < nc; j++) {
                double a = tests.adjustedResiduals()[i][j];
                markers[i][j] = Double.isNaN(a) || Math.abs(a) <= zCrit ? "" : a > 0 ? "▲" : "▼";
                prop[i][j] = table.colTotals()[j] > 0 ? sw[i][j] / table.colTotals()[j] : Double.NaN;
                wilson[i][j] = Proportions.wilson(prop[i][j] * base[j], base[j], 0.95);
            }
        }
        List<String> letters = ColumnLetters.names(nc);
        String[][] cellLetters = new String[nr][];
        for (int i = 0; i < nr; i++) {
            cellLetters[i] = ColumnLetters.compare(prop[i], base, spec.alpha(), letters);
        }
        List<CrossTab.NetRow> nets = new ArrayList<>();
        for (CrossTabSpec.Net net : spec.nets()) {
            double[] counts = new double[nc];
            double[] p = new double[nc];
            for (String code : net.codes()) {
                Integer i = findRow(rows, code);
                if (i != null) {
                    for (int j = 0; j < nc; j++) {
                        counts[j] += sw[i][j];
                    }
                }
            }
            for (int j = 0; j < nc; j++) {
                p[j] = table.colTotals()[j] > 0 ? counts[j] / table.colTotals()[j] : Double.NaN;
            }
            double[] pct = new double[nc];
            for (int j = 0; j < nc; j++) {
                pct[j] = 100 * p[j];
            }
            nets.add(new CrossTab.NetRow(net.label(), counts, pct, ColumnLetters.compare(p, base, spec.alpha(), letters)));
        }
        List<CrossTab.MissingRow> missing = new ArrayList<>();
        if (spec.showMissing()) {
            for (Map.Entry<String, double[]> e : missingRows.entrySet()) {
                String code = e.getKey().substring(MISSING_PREFIX.length());
                String label = code.isEmpty() ? "(missing)"
                        : rv == null ? code : rv.value(code).map(Codebook.Value::label).orElse(code);
                missing.add(new CrossTab.MissingRow(code.isEmpty() ? null : code, label, e.getValue()));
            }
        }
        return new CrossTab(layer, rows, cols, table, tests, un, respondents, base, rs, markers, letters, cellLetters,
                wilson, nets, missing, warnings);
    }

    /**
     * The Rao–Scott test of one table on the whole design (domain rule): every respondent with a usable weight is in
     * the design; those outside this table (a missing value, another layer) enter with a zero influence value.
     * For a layer table the degrees of freedom are those of R {@code subset(design, layer == v)}: the layer's
     * respondents for a weights-only design, the whole sample for a raked (calibrated) design, whose subsets keep
     * every row in R.
     */
    private static RaoScott raoScott(CrossTabSpec spec, Category layer, double[][] sw, Design design,
                                     Map<String, Integer> ri, Map<String, Integer> ci, int nr) {
        int margins = spec.rakedOn().size();
        List<Map<String, Integer>> catIndex = new ArrayList<>();
        for (int m = 0; m < margins; m++) {
            catIndex.add(new LinkedHashMap<>());
        }
        List<RaoScott.DesignGroup> out = new ArrayList<>();
        long domainN = 0;
        for (DesignRow d : design.rows()) {
            boolean inDomain = layer == null || layer.code().equals(d.layer());
            if (inDomain) {
                domainN += d.n();
            }
            int cell = RaoScott.OUTSIDE;
            if (inDomain && d.inTable()) {
                Integer i = ri.get(d.row());
                Integer j = ci.get(d.col());
                if (i != null && j != null) {
                    cell = i + nr * j;
                }
            }
            if (cell == RaoScott.OUTSIDE && margins == 0) {
                continue; // weights only: a zero influence value adds nothing but its count (in design.n())
            }
            int[] cats = new int[margins];
            for (int m = 0; m < margins; m++) {
                Map<String, Integer> idx = catIndex.get(m);
                cats[m] = idx.computeIfAbsent(d.margins()[m], k -> idx.size());
            }
            out.add(new RaoScott.DesignGroup(cell, cats, d.n(), d.sumW(), d.sumW2()));
        }
        long dfN = margins > 0 || layer == null ? design.n() : domainN;
        return RaoScott.compute(sw, out, margins, design.n(), dfN);
    }

    private static Integer findRow(List<Category> rows, String code) {
        for (int i = 0; i < rows.size(); i++) {
            Category c = rows.get(i);
            if (c.code().equals(code) || (c.numeric() != null && Category.isNumber(code)
                    && c.numeric() == Double.parseDouble(code))) {
                return i;
            }
        }
        return null;
    }

    private static Map<String, Integer> index(List<Category> cats) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < cats.size(); i++) {
            m.put(cats.get(i).code(), i);
        }
        return m;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
