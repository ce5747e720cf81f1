package jp.ebpm.workbench.evaluation;

import java.util.ResourceBundle;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import jp.ebpm.analysis.store.Project;
import jp.ebpm.workbench.app.AppContext;

/** The Evaluation tab: sub-tabs for regression, difference-in-differences, population pyramid and location quotients. */
final class EvaluationView {

    private final TabPane tabs = new TabPane();
    final RegressionPane regression;
    final DidPane did;
    final PyramidPane pyramid;
    final LqPane lq;

    EvaluationView(AppContext context) {
        ResourceBundle b = context.bundle("evaluation");
        regression = new RegressionPane(context);
        did = new DidPane(context);
        pyramid = new PyramidPane(context);
        lq = new LqPane(context);
        tabs.setId("evalTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().add(tab("evalTabRegression", b.getString("eval.tab.regression"), regression.tab().root()));
        tabs.getTabs().add(tab("evalTabDid", b.getString("eval.tab.did"), did.tab().root()));
        tabs.getTabs().add(tab("evalTabPyramid", b.getString("eval.tab.pyramid"), pyramid.tab().root()));
        tabs.getTabs().add(tab("evalTabLq", b.getString("eval.tab.lq"), lq.tab().root()));
        context.project().addListener((o, a, p) -> refresh(p));
        refresh(context.project().get());
    }

    private static Tab tab(String id, String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    private void refresh(Project p) {
        regression.tab().refresh(p);
        did.tab().refresh(p);
        pyramid.tab().refresh(p);
        lq.tab().refresh(p);
    }

    Node root() {
        return tabs;
    }
}
