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
        tabs.getTabs().add(new Tab(b.getString("eval.tab.regression"), regression.root()));
        tabs.getTabs().add(new Tab(b.getString("eval.tab.did"), did.root()));
        tabs.getTabs().add(new Tab(b.getString("eval.tab.pyramid"), pyramid.root()));
        tabs.getTabs().add(new Tab(b.getString("eval.tab.lq"), lq.root()));
        context.project().addListener((o, a, p) -> refresh(p));
        refresh(context.project().get());
    }

    private void refresh(Project p) {
        regression.refresh(p);
        did.refresh(p);
        pyramid.refresh(p);
        lq.refresh(p);
    }

    Node root() {
        return tabs;
    }
}
