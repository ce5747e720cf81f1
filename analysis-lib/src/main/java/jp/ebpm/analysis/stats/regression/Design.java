package jp.ebpm.analysis.stats.regression;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The columns of the model matrix that a formula gives over known variable kinds and factor levels, coded as
 * R's {@code model.matrix} codes them: the intercept first, then each term's columns; a factor is coded by
 * treatment contrasts (one indicator per level except the first) when the term without it is already in the
 * model (the rule of <i>Statistical Models in S</i>, p. 38, R's {@code TermCode}) and by one indicator per
 * level otherwise; without an intercept the first factor of the first term holding one gets every level.
 * Within an interaction the first variable varies fastest. Column names are R's, e.g.
 * {@code factor(ward)幸区}, {@code x1:x2}.
 */
final class Design {

    /** One part of a column: a numeric variable ({@code level < 0}) or a level indicator of a factor. */
    private record Part(int variable, int level) {
    }

    private final List<String> names = new ArrayList<>();
    private final List<Part[]> columns = new ArrayList<>();
    private final List<Integer> termOfColumn = new ArrayList<>();
    private final boolean intercept;
    /** The same columns as primitive arrays for the per-row loop: variable and level (-1 numeric) of each part. */
    private int[][] partVar;
    private int[][] partLevel;

    /**
     * @param formula the formula
     * @param levels  for each variable, its levels (factor) or {@code null} (numeric)
     */
    Design(Formula formula, List<List<String>> levels) {
        this.intercept = formula.intercept();
        if (intercept) {
            names.add("(Intercept)");
            columns.add(new Part[0]);
            termOfColumn.add(-1);
        }
        int nt = formula.terms().size();
        int nv = formula.variables().size();
        int[][] code = new int[nt][nv];
        for (int t = 0; t < nt; t++) {
            BitSet term = formula.terms().get(t);
            for (int v = term.nextSetBit(0); v >= 0; v = term.nextSetBit(v + 1)) {
                code[t][v] = levels.get(v) == null ? 0 : termCode(formula.terms(), t, v);
            }
        }
        if (!intercept) {
            outer:
            for (int t = 0; t < nt; t++) {
                for (int v = 0; v < nv; v++) {
                    if (code[t][v] > 0 && levels.get(v).size() > 1) {
                        code[t][v] = 2;
                        break outer;
                    }
                }
            }
        }
        for (int t = 0; t < nt; t++) {
            BitSet term = formula.terms().get(t);
            List<List<Part>> options = new ArrayList<>();
            List<List<String>> labels = new ArrayList<>();
            for (int v = term.nextSetBit(0); v >= 0; v = term.nextSetBit(v + 1)) {
                List<Part> parts = new ArrayList<>();
                List<String> lab = new ArrayList<>();
                String label = formula.variables().get(v).label();
                if (levels.get(v) == null) {
                    parts.add(new Part(v, -1));
                    lab.add(label);
                } else {
                    List<String> lv = levels.get(v);
                    for (int l = code[t][v] == 1 ? 1 : 0; l < lv.size(); l++) {
                        parts.add(new Part(v, l));
                        lab.add(label + lv.get(l));
                    }
                }
                options.add(parts);
                labels.add(lab);
            }
            // cartesian product, first variable fastest
            int total = 1;
            for (List<Part> o : options) {
                total *= o.size();
            }
            for (int idx = 0; idx < total; idx++) {
                int rest = idx;
                Part[] col = new Part[options.size()];
                StringBuilder name = new StringBuilder();
                for (int k = 0; k < options.size(); k++) {
                    int pick = rest % options.get(k).size();
                    rest /= options.get(k).size();
                    col[k] = options.get(k).get(pick);
                    if (k > 0) {
                        name.append(':');
                    }
                    name.append(labels.get(k).get(pick));
                }
                names.add(name.toString());
                columns.add(col);
                termOfColumn.add(t);
            }
        }
        freeze();
    }

    private void freeze() {
        partVar = new int[columns.size()][];
        partLevel = new int[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            Part[] parts = columns.get(c);
            partVar[c] = new int[parts.length];
            partLevel[c] = new int[parts.length];
            for (int k = 0; k < parts.length; k++) {
                partVar[c][k] = parts[k].variable();
                partLevel[c][k] = parts[k].level();
            }
        }
    }

    /** R's TermCode: 1 = contrasts, 2 = all levels. */
    private static int termCode(List<BitSet> terms, int t, int v) {
        BitSet reduced = (BitSet) terms.get(t).clone();
        reduced.clear(v);
        if (reduced.isEmpty()) {
            return 1;
        }
        for (int s = 0; s < t; s++) {
            BitSet probe = (BitSet) reduced.clone();
            probe.andNot(terms.get(s));
            if (probe.isEmpty()) {
                return 1;
            }
        }
        return 2;
    }

    /** Number of columns. */
    int width() {
        return names.size();
    }

    List<String> names() {
        return names;
    }

    boolean intercept() {
        return intercept;
    }

    /** The term (index into the formula's terms) of a column, or -1 for the intercept. */
    int term(int column) {
        return termOfColumn.get(column);
    }

    /**
     * Fills one row of the model matrix.
     *
     * @param numeric value of each numeric variable (by variable index)
     * @param level   level index of each factor variable (by variable index)
     * @param out     the row, {@link #width()} long
     */
    void row(double[] numeric, int[] level, double[] out) {
        for (int c = 0; c < out.length; c++) {
            int[] vars = partVar[c];
            int[] lev = partLevel[c];
            double v = 1;
            for (int k = 0; k < vars.length; k++) {
                if (lev[k] < 0) {
                    v *= numeric[vars[k]];
                } else if (level[vars[k]] != lev[k]) {
                    v = 0;
                    break;
                }
            }
            out[c] = v;
        }
    }
}
