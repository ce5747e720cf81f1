package jp.ebpm.workbench.map;

import javafx.scene.Node;
import jp.ebpm.workbench.app.AppContext;
import jp.ebpm.workbench.app.WorkbenchFeature;

/** The map tab: layers of the project as choropleths, with pan/zoom, hover attributes, selection and export. */
public final class MapFeature implements WorkbenchFeature {

    @Override
    public String id() {
        return "map";
    }

    @Override
    public String title(AppContext context) {
        return context.bundle(id()).getString("map.title");
    }

    @Override
    public Node createView(AppContext context) {
        return new MapView(context).node();
    }
}
