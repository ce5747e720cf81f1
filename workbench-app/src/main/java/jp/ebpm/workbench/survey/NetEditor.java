package jp.ebpm.workbench.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import jp.ebpm.analysis.survey.CrossTabSpec;

/**
 * A small editor of NET rows: a label and the row codes it combines (e.g. 上位2 = 1,2). The NETs go into
 * the {@link CrossTabSpec} of the next table.
 */
final class NetEditor {

    private final ResourceBundle text;
    private final TextField label = new TextField();
    private final TextField codes = new TextField();
    private final ObservableList<CrossTabSpec.Net> nets = FXCollections.observableArrayList();
    private final ListView<CrossTabSpec.Net> list = new ListView<>(nets);
    private final Label error = new Label();
    private final VBox root;

    /**
     * @param text the survey bundle
     * @param scale the scale codes of the current row variable in codebook order (missing codes left out),
     *     empty when it has none; used by the top-2 / bottom-2 button
     */
    NetEditor(ResourceBundle text, java.util.function.Supplier<List<String>> scale) {
        this.text = text;
        label.setId("netLabel");
        codes.setId("netCodes");
        list.setId("netList");
        error.setId("netError");
        error.setStyle("-fx-text-fill: #b00020;");
        label.setPromptText(text.getString("survey.net.label.prompt"));
        codes.setPromptText(text.getString("survey.net.codes.prompt"));
        label.setPrefColumnCount(7);
        codes.setPrefColumnCount(7);
        Button add = new Button(text.getString("survey.net.add"));
        add.setId("netAdd");
        add.setOnAction(e -> addFromFields());
        codes.setOnAction(e -> addFromFields());
        Button remove = new Button(text.getString("survey.net.remove"));
        remove.setId("netRemove");
        remove.setOnAction(e -> {
            CrossTabSpec.Net n = list.getSelectionModel().getSelectedItem();
            if (n != null) {
                nets.remove(n);
            }
        });
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        list.setPrefHeight(70);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(CrossTabSpec.Net n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : format(n));
            }
        });
        Button boxes = new Button(text.getString("survey.net.likert"));
        boxes.setId("netLikert");
        boxes.setOnAction(e -> addBoxes(scale.get()));
        HBox fields = new HBox(4, label, new Label("="), codes, add, remove, boxes);
        fields.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(3, new Label(text.getString("survey.net.title")), fields, error, list);
    }

    VBox node() {
        return root;
    }

    /** The NET rows, in order. */
    List<CrossTabSpec.Net> nets() {
        return List.copyOf(nets);
    }

    /** Adds a NET row (replacing one of the same label). */
    void add(CrossTabSpec.Net net) {
        nets.removeIf(n -> n.label().equals(net.label()));
        nets.add(net);
    }

    /** Adds top-2 and bottom-2 NET rows of these scale codes (first two / last two). */
    boolean addBoxes(List<String> scale) {
        if (scale.size() < 4) {
            error.setText(text.getString("survey.net.error.likert"));
            return false;
        }
        List<CrossTabSpec.Net> n = jp.ebpm.analysis.survey.LikertSummary.nets(scale, false);
        add(new CrossTabSpec.Net(text.getString("survey.likert.top2"), n.get(0).codes()));
        add(new CrossTabSpec.Net(text.getString("survey.likert.bottom2"), n.get(1).codes()));
        error.setText("");
        return true;
    }

    private void addFromFields() {
        try {
            add(parse(label.getText(), codes.getText()));
            label.clear();
            codes.clear();
            error.setText("");
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
        }
    }

    /** "1,2" or "1 2" or "1、2" → codes; the label must not be blank. */
    CrossTabSpec.Net parse(String netLabel, String codeText) {
        String l = netLabel == null ? "" : netLabel.trim();
        if (l.isEmpty()) {
            throw new IllegalArgumentException(text.getString("survey.net.error.label"));
        }
        List<String> c = new ArrayList<>(Arrays.stream((codeText == null ? "" : codeText).split("[,、，\\s]+"))
                .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList());
        if (c.isEmpty()) {
            throw new IllegalArgumentException(java.text.MessageFormat.format(text.getString("survey.net.error.codes"), l));
        }
        return new CrossTabSpec.Net(l, c);
    }

    static String format(CrossTabSpec.Net n) {
        return n.label() + " = " + String.join(",", n.codes());
    }
}
