package jp.ebpm.analysis.io;

import java.util.Map;

/**
 * Points grouped by the value a function gave them ({@link PointBatchReader#groupBy}); points without a value (skipped
 * or unmatched) are only counted in {@link #scan()}.
 *
 * @param groups by function value: the group's figures
 * @param scan   rows read, skipped and unmatched
 * @since 0.1
 */
public record PointGroups(Map<Long, Group> groups, PointScan scan) {

    /**
     * One group.
     *
     * @param count       points
     * @param distinctIds distinct non-blank ids among them (0 without an id column)
     * @param sum         sum of the non-missing values (0 without a value column or values)
     * @param valueCount  number of non-missing values
     */
    public record Group(long count, long distinctIds, double sum, long valueCount) {
    }
}
