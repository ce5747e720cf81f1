package jp.ebpm.workbench.kpi;

import javafx.scene.Node;

import jp.ebpm.workbench.app.AppContext;
import jp.ebpm.workbench.app.WorkbenchFeature;

/** The KPI dashboard tab: register with status colours, measure filter, actuals entry, charts, report export. */
public final class KpiFeature implements WorkbenchFeature {

    @Override
    public String id() {
        return "kpi";
    }

    @Override
    public String title(AppContext context) {
        return context.bundle(id()).getString("kpi.title");
    }

    @Override
    public Node createView(AppContext context) {
        return new KpiView(context).root();
    }
}
