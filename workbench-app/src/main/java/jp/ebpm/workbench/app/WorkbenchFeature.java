package jp.ebpm.workbench.app;

import javafx.scene.Node;

/**
 * A feature view shown as a tab of the main window (cross-tab builder, map, KPI dashboard, location
 * data, audit log). Features are listed in {@link WorkbenchApp} and created once per window.
 */
public interface WorkbenchFeature {

    /** Stable id, also the name of the feature's resource bundle. */
    String id();

    /** The tab title (localized). */
    String title(AppContext context);

    /** Builds the view. Called once, on the FX thread. */
    Node createView(AppContext context);
}
