package jp.ebpm.workbench.survey;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import jp.ebpm.analysis.stats.ContingencyTable;
import jp.ebpm.analysis.survey.CrossTab;
import jp.ebpm.analysis.survey.CrossTabResult;

/**
 * The statistics lines of a shown table: Pearson χ², likelihood ratio, Fisher (2×2), Cramér's V, phi
 * (2×2, signed), contingency coefficient, Rao–Scott F with sampling weights, the column bases, left-out
 * rows and the library's warnings (small bases).
 */
final class CrossTabStats {

    private CrossTabStats() {
    }

    static List<String> lines(CrossTabResult r, CrossTab t, ResourceBundle text) {
        List<String> lines = new ArrayList<>();
        ContingencyTable c = t.tests();
        lines.add(MessageFormat.format(text.getString("survey.stats.pearson"), fmt(c.pearson().statistic()),
                df(c.pearson().df()), fmt(c.pearson().p())));
        lines.add(MessageFormat.format(text.getString("survey.stats.lr"), fmt(c.likelihoodRatio().statistic()),
                df(c.likelihoodRatio().df()), fmt(c.likelihoodRatio().p())));
        if (c.fisher() != null) {
            lines.add(MessageFormat.format(text.getString("survey.stats.fisher"), fmt(c.fisher().pTwoSided())));
        }
        StringBuilder assoc = new StringBuilder(MessageFormat.format(text.getString("survey.stats.cramer"), fmt(c.cramersV())));
        if (c.phiSigned() != null) {
            assoc.append("; ").append(MessageFormat.format(text.getString("survey.stats.phi"), fmt(c.phiSigned())));
        }
        assoc.append("; ").append(MessageFormat.format(text.getString("survey.stats.contingency"), fmt(c.contingencyCoefficient())));
        lines.add(assoc.toString());
        if (t.raoScott() != null) {
            lines.add(MessageFormat.format(text.getString("survey.stats.raoscott"), fmt(t.raoScott().f()), fmt(t.raoScott().ndf()),
                    fmt(t.raoScott().ddf()), fmt(t.raoScott().p())));
        } else if (r.spec().weightKind() == jp.ebpm.analysis.survey.WeightKind.SAMPLING) {
            lines.add(text.getString("survey.stats.raoscott.none"));
        }
        List<String> bases = new ArrayList<>();
        for (int j = 0; j < t.cols().size(); j++) {
            bases.add(t.colLetters().get(j) + " " + t.cols().get(j).label() + " = " + CrossTabGrid.number(t.colBase()[j]));
        }
        lines.add(MessageFormat.format(text.getString("survey.stats.bases"), String.join(", ", bases),
                Long.toString(t.respondents())));
        if (r.excludedByWeight() > 0 || r.missingCases() > 0) {
            lines.add(MessageFormat.format(text.getString("survey.stats.excluded"), Long.toString(r.excludedByWeight()),
                    CrossTabGrid.number(r.missingCases())));
        }
        lines.addAll(t.warnings());
        return lines;
    }

    static String df(double v) {
        return Double.isNaN(v) ? "-" : v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return Math.abs(v) < 1e-3 && v != 0 ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
