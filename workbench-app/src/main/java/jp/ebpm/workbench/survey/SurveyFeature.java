package jp.ebpm.workbench.survey;

import javafx.scene.Node;

import jp.ebpm.workbench.app.AppContext;
import jp.ebpm.workbench.app.WorkbenchFeature;

/** The survey cross-tab feature: builder, result table with markers, chart, TSV copy and .xlsx export. */
public final class SurveyFeature implements WorkbenchFeature {

    @Override
    public String id() {
        return "survey";
    }

    @Override
    public String title(AppContext context) {
        return context.bundle("survey").getString("survey.title");
    }

    @Override
    public Node createView(AppContext context) {
        return new CrossTabView(context).root();
    }
}
