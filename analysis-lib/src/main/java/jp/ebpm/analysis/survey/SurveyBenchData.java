package jp.ebpm.analysis.survey;

import java.sql.Statement;
import java.time.Instant;
import java.util.Map;

import jp.ebpm.analysis.store.Catalog;
import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;

/**
 * Synthetic survey-shaped data for benchmarks: {@code id, ward (14131..14137), sex (1..2), age_group (1..7),
 * q (1..5, correlated with ward), w (0.5..2.0)}, generated inside DuckDB from a hash of the row number, so
 * the same row count always gives the same table.
 *
 * @since 0.1
 */
public final class SurveyBenchData {

    private SurveyBenchData() {
    }

    /** Creates and registers the dataset {@code name} with {@code rows} rows. */
    public static void create(Project project, String name, long rows) {
        project.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE " + jp.ebpm.analysis.store.Sql.ident(name) + " AS SELECT i AS id,"
                        + " 14131 + (hash(i) % 7) AS ward, 1 + (hash(i * 3) % 2) AS sex,"
                        + " 1 + (hash(i * 7) % 7) AS age_group, 1 + ((hash(i * 11) % 5 + (hash(i) % 7) // 3) % 5) AS q,"
                        + " 0.5 + (hash(i * 13) % 1000) / 666.0 AS w FROM range(" + rows + ") t(i)");
            }
            project.catalog().register(c, new DatasetInfo(name, DatasetKind.SURVEY, null, null, Instant.now(),
                    Catalog.countRows(c, name), Catalog.describe(c, name), null, "", Sensitivity.INTERNAL,
                    "synthetic benchmark data", Map.of("synthetic", "true")));
            return null;
        });
    }
}
