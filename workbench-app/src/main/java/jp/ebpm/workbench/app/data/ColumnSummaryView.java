package jp.ebpm.workbench.app.data;

import java.text.NumberFormat;
import java.util.ResourceBundle;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import jp.ebpm.analysis.store.ColumnSummary;
import jp.ebpm.analysis.store.Sensitivity;

/** The column summary panel: type, non-null count, distinct count, min, max and mean per column. */
final class ColumnSummaryView {

    private final BorderPane root = new BorderPane();

    ColumnSummaryView(DataViewModel model, ResourceBundle text) {
        NumberFormat counts = NumberFormat.getIntegerInstance(text.getLocale());
        NumberFormat means = NumberFormat.getNumberInstance(text.getLocale());
        means.setMaximumFractionDigits(4);
        TableView<ColumnSummary> table = new TableView<>(model.summary());
        table.setId("summaryTable");
        table.setPlaceholder(new Label(text.getString("summary.placeholder")));
        table.getColumns().add(column(text.getString("summary.column"), ColumnSummary::name));
        table.getColumns().add(column(text.getString("summary.type"), ColumnSummary::type));
        table.getColumns().add(column(text.getString("summary.nonNull"), s -> counts.format(s.nonNull())));
        // DuckDB's approximate distinct count (HyperLogLog) can exceed the number of values: cap it there.
        table.getColumns().add(column(text.getString("summary.distinct"), s -> counts.format(Math.min(s.distinctCount(), s.nonNull()))));
        table.getColumns().add(column(text.getString("summary.min"), ColumnSummary::min));
        table.getColumns().add(column(text.getString("summary.max"), ColumnSummary::max));
        table.getColumns().add(column(text.getString("summary.mean"),
                s -> s.mean() == null ? "" : means.format(s.mean())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Button compute = new Button(text.getString("summary.compute"));
        compute.setId("computeSummary");
        compute.setOnAction(e -> model.summarize());
        compute.disableProperty().bind(model.summarizing().or(model.dataset().isNull())
                .or(model.rows().isNull()));
        Label title = new Label(text.getString("summary.title"));
        title.getStyleClass().add("catalog-group");
        HBox bar = new HBox(10, title, compute);
        bar.setPadding(new Insets(4));
        root.setTop(bar);
        root.setCenter(table);
        model.dataset().addListener((o, a, b) -> compute.setVisible(b == null || b.sensitivity() != Sensitivity.PRIVATE));
    }

    BorderPane node() {
        return root;
    }

    private static TableColumn<ColumnSummary, String> column(String title, Function<ColumnSummary, String> value) {
        TableColumn<ColumnSummary, String> c = new TableColumn<>(title);
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(value.apply(p.getValue())));
        c.setSortable(false);
        return c;
    }
}
