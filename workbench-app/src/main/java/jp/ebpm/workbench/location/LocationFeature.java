package jp.ebpm.workbench.location;

import javafx.scene.Node;

import jp.ebpm.workbench.app.AppContext;
import jp.ebpm.workbench.app.WorkbenchFeature;

/**
 * The private location data feature: unlock with the passphrase, import pings or mesh population,
 * guarded aggregates (area × time, OD matrix, residents/visitors, dwell time) with k and rounding, a map of
 * the current area result, table and map export, and the audit log.
 */
public final class LocationFeature implements WorkbenchFeature {

    @Override
    public String id() {
        return "location";
    }

    @Override
    public String title(AppContext context) {
        return context.bundle(id()).getString("location.title");
    }

    @Override
    public Node createView(AppContext context) {
        return new LocationView(context).root();
    }
}
