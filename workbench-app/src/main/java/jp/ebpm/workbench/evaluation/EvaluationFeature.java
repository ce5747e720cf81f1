package jp.ebpm.workbench.evaluation;

import javafx.scene.Node;

import jp.ebpm.workbench.app.AppContext;
import jp.ebpm.workbench.app.WorkbenchFeature;

/** The Evaluation tab: did the measure work? Regression, difference-in-differences, pyramids, location quotients. */
public final class EvaluationFeature implements WorkbenchFeature {

    @Override
    public String id() {
        return "evaluation";
    }

    @Override
    public String title(AppContext context) {
        return context.bundle(id()).getString("eval.title");
    }

    @Override
    public Node createView(AppContext context) {
        return new EvaluationView(context).root();
    }
}
