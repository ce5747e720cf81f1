package jp.ebpm.workbench.app.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.ebpm.analysis.store.DatasetInfo;
import jp.ebpm.analysis.store.DatasetKind;
import jp.ebpm.analysis.store.Sensitivity;

class CatalogViewModelTest {

    private static DatasetInfo ds(String name, DatasetKind kind) {
        return new DatasetInfo(name, kind, null, null, Instant.EPOCH, 1, List.of(), null, "", Sensitivity.OPEN, "", Map.of());
    }

    @Test
    void groupsFollowTheKindOrderAndSortNamesWithinAGroup() {
        List<CatalogViewModel.Group> groups = CatalogViewModel.group(List.of(
                ds("zeta", DatasetKind.TABLE), ds("人口", DatasetKind.STATISTICS), ds("Alpha", DatasetKind.TABLE),
                ds("2018調査", DatasetKind.SURVEY)));
        assertEquals(List.of(DatasetKind.SURVEY, DatasetKind.STATISTICS, DatasetKind.TABLE),
                groups.stream().map(CatalogViewModel.Group::kind).toList());
        assertEquals(List.of("Alpha", "zeta"), groups.get(2).datasets().stream().map(DatasetInfo::name).toList());
    }

    @Test
    void kindsWithoutDatasetsAreLeftOut() {
        assertEquals(0, CatalogViewModel.group(List.of()).size());
    }
}
