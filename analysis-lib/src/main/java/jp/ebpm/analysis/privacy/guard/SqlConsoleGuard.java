package jp.ebpm.analysis.privacy.guard;

import java.util.Locale;
import java.util.regex.Pattern;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;

/**
 * The SQL console's rule for private data. Free SQL never sees private rows: they are not in the project
 * database at all, and {@link #checkPlainQuery} refuses, with an explanation, any console query that
 * names a private dataset. Private data reaches users only as the guarded tables of
 * {@code privacy.location.LocationService} (threshold, complementary suppression, the linked-release check and
 * the audit log). A free group-by over private rows is deliberately not offered: its expressions could not be
 * placed in the linked check (docs/privacy.md).
 */
public final class SqlConsoleGuard {

    private SqlConsoleGuard() {
    }

    /**
     * Refuses a console query that names a private dataset.
     *
     * @throws WorkbenchException naming the dataset and the allowed way
     */
    public static void checkPlainQuery(Project project, String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        for (DatasetInfo d : project.catalog().list()) {
            if (d.sensitivity() != Sensitivity.PRIVATE) {
                continue;
            }
            String n = d.name().toLowerCase(Locale.ROOT);
            if (Pattern.compile("(^|[^\\p{L}\\p{N}_])" + Pattern.quote(n) + "($|[^\\p{L}\\p{N}_])").matcher(lower).find()) {
                throw new WorkbenchException("Refused: \"" + d.name() + "\" holds private data, which the SQL console"
                        + " cannot read. Use an aggregate with at least k distinct persons per row"
                        + " (e.g. workbench location aggregate).");
            }
        }
    }
}
