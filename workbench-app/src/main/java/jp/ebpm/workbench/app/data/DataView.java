package jp.ebpm.workbench.app.data;

import java.text.NumberFormat;
import java.util.ResourceBundle;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.workbench.app.Bundles;

/** The "Data" tab: the shown dataset's title and details, its rows, and the column summary below. */
public final class DataView {

    private final BorderPane root = new BorderPane();

    public DataView(DataViewModel model, ResourceBundle text) {
        DataTable table = new DataTable("dataTable");
        table.setPlaceholder(text.getString("data.placeholder"));
        model.rows().addListener((o, a, b) -> table.setSource(b));

        Label notice = new Label();
        notice.setId("dataNotice");
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        notice.textProperty().bind(model.notice());
        notice.visibleProperty().bind(model.notice().isNotEmpty());
        StackPane centre = new StackPane(table.node(), notice);
        table.node().visibleProperty().bind(model.notice().isEmpty());

        Label title = new Label();
        title.setId("dataTitle");
        title.getStyleClass().add("dataset-title");
        Label details = new Label();
        details.getStyleClass().add("hint");
        NumberFormat counts = NumberFormat.getIntegerInstance(text.getLocale());
        model.dataset().addListener((o, a, info) -> {
            title.setText(info == null ? "" : info.name());
            details.setText(info == null ? "" : details(info, text, counts));
        });
        VBox header = new VBox(2, title, details);
        header.setPadding(new Insets(6, 8, 6, 8));
        header.visibleProperty().bind(model.dataset().isNotNull());
        header.managedProperty().bind(header.visibleProperty());

        SplitPane split = new SplitPane(centre, new ColumnSummaryView(model, text).node());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        root.setTop(header);
        root.setCenter(split);
    }

    public Node node() {
        return root;
    }

    private static String details(DatasetInfo info, ResourceBundle text, NumberFormat counts) {
        String source = info.sourceFile() == null || info.sourceFile().isBlank() ? "-" : info.sourceFile();
        return Bundles.format(text, "data.details", counts.format(info.rowCount()),
                text.getString("kind." + info.kind().id()), text.getString("sensitivity." + info.sensitivity().id()),
                source, info.license().isBlank() ? "-" : info.license());
    }
}
