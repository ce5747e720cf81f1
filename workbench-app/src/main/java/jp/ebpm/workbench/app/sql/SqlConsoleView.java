package jp.ebpm.workbench.app.sql;

import java.util.ResourceBundle;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import jp.ebpm.workbench.app.data.DataTable;

/** The "SQL" tab: a statement editor, Run (Ctrl+Enter), and the result in the shared table component. */
public final class SqlConsoleView {

    private static final KeyCombination RUN = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final SplitPane root = new SplitPane();

    public SqlConsoleView(SqlConsoleViewModel model, ResourceBundle text) {
        TextArea editor = new TextArea();
        editor.setId("sqlEditor");
        editor.setPromptText(text.getString("sql.prompt"));
        editor.textProperty().bindBidirectional(model.sql());
        editor.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (RUN.match(e)) {
                model.run();
                e.consume();
            }
        });
        Button run = new Button(text.getString("sql.run"));
        run.setId("sqlRun");
        run.setDefaultButton(false);
        run.disableProperty().bind(model.running());
        run.setOnAction(e -> model.run());
        Label hint = new Label(text.getString("sql.hint"));
        hint.getStyleClass().add("hint");
        Label status = new Label();
        status.setId("sqlStatus");
        status.textProperty().bind(model.status());
        HBox bar = new HBox(10, run, hint, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        BorderPane top = new BorderPane(editor);
        top.setBottom(bar);

        DataTable table = new DataTable("sqlResult");
        table.setPlaceholder(text.getString("sql.placeholder"));
        model.result().addListener((o, a, b) -> table.setSource(b));
        root.setOrientation(Orientation.VERTICAL);
        root.getItems().addAll(top, table.node());
        root.setDividerPositions(0.3);
    }

    public Node node() {
        return root;
    }
}
