package jp.ebpm.workbench.app.catalog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.workbench.app.AppContext;
import jp.ebpm.workbench.app.Bundles;

/** The datasets of the open project, read from the catalog in a task, and their grouping by kind. */
public final class CatalogViewModel {

    /** The datasets of one kind, sorted by name. */
    public record Group(DatasetKind kind, List<DatasetInfo> datasets) {
    }

    private final AppContext context;
    private final ObservableList<DatasetInfo> datasets = FXCollections.observableArrayList();
    private int generation;

    public CatalogViewModel(AppContext context) {
        this.context = context;
        context.project().addListener((obs, old, now) -> refresh());
    }

    public ObservableList<DatasetInfo> datasets() {
        return datasets;
    }

    /** Reloads the catalog of the open project (empties it when none is open). */
    public void refresh() {
        Project project = context.project().get();
        int g = ++generation;
        if (project == null) {
            datasets.clear();
            return;
        }
        context.tasks().run(Bundles.format(context.bundle("main"), "catalog.task.refresh"),
                (p, c) -> project.catalog().list(),
                list -> {
                    if (g == generation) {
                        datasets.setAll(list);
                    }
                });
    }

    /** Groups datasets by kind in the order of {@link DatasetKind}; kinds without datasets are left out. */
    public static List<Group> group(List<DatasetInfo> datasets) {
        Map<DatasetKind, List<DatasetInfo>> byKind = new EnumMap<>(DatasetKind.class);
        for (DatasetInfo d : datasets) {
            byKind.computeIfAbsent(d.kind(), k -> new ArrayList<>()).add(d);
        }
        List<Group> groups = new ArrayList<>();
        byKind.forEach((kind, list) -> {
            list.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
            groups.add(new Group(kind, List.copyOf(list)));
        });
        return groups;
    }
}
