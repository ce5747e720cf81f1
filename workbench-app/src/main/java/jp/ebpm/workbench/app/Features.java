package jp.ebpm.workbench.app;

import java.util.ArrayList;
import java.util.List;

/**
 * The feature tabs of the main window, in tab order after "Data" and "SQL". Each feature adds one line
 * here: {@code features.add(new XxxFeature());}.
 */
public final class Features {

    private Features() {
    }

    /** Every feature, created anew for one main window. */
    public static List<WorkbenchFeature> all() {
        List<WorkbenchFeature> features = new ArrayList<>();
        features.add(new jp.ebpm.workbench.survey.SurveyFeature());
        features.add(new jp.ebpm.workbench.map.MapFeature());
        features.add(new jp.ebpm.workbench.kpi.KpiFeature());
        features.add(new jp.ebpm.workbench.location.LocationFeature());
        features.add(new jp.ebpm.workbench.evaluation.EvaluationFeature());
        return List.copyOf(features);
    }
}
