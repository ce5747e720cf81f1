package jp.ebpm.analysis.io;

import java.util.ArrayList;
import java.util.List;

/**
 * What one pass of a {@link PointBatchReader} saw: how many rows it read, how many points it skipped and why, and
 * how many usable points the function gave no result for (e.g. points outside every polygon).
 *
 * <p>A point is <em>skipped</em> (never handed to the function, never counted) when a coordinate is empty
 * ({@code missing}), is not a number ({@code notNumber}), lies outside −180..180 / −90..90 degrees or is infinite
 * ({@code outOfRange}), or lies outside the area of use of the points' coordinate system ({@code outsideArea}; for
 * the Japanese geodetic systems JGD2011, JGD2000 and Tokyo: 122.38–157.65 E, 17.09–46.05 N). Skipping is
 * reported, never silent: callers print or record these figures.
 *
 * @param rows        rows read
 * @param missing     rows with an empty or missing coordinate
 * @param notNumber   rows with a coordinate that is not a number
 * @param outOfRange  rows with a coordinate out of range
 * @param outsideArea rows outside the coordinate system's area of use
 * @param unmatched   usable points for which the function returned no result
 * @since 0.1
 */
public record PointScan(long rows, long missing, long notNumber, long outOfRange, long outsideArea, long unmatched) {

    /** All skipped rows. */
    public long skipped() {
        return missing + notNumber + outOfRange + outsideArea;
    }

    /**
     * The skipped rows in words, e.g. {@code 3 points have unusable coordinates (1 empty, 2 not numbers)}; empty when
     * none were skipped.
     *
     * @param crsLabel the points' coordinate system, e.g. {@code EPSG:6668}, named for {@code outsideArea}
     */
    public String describeSkipped(String crsLabel) {
        return skipped() == 0 ? "" : skipped() + " points have unusable coordinates (" + skippedReasons(crsLabel) + ")";
    }

    /** The reasons of the skipped rows with their numbers, e.g. {@code 1 empty, 2 not numbers}. */
    public String skippedReasons(String crsLabel) {
        List<String> parts = new ArrayList<>();
        if (missing > 0) {
            parts.add(missing + " empty");
        }
        if (notNumber > 0) {
            parts.add(notNumber + " not numbers");
        }
        if (outOfRange > 0) {
            parts.add(outOfRange + " out of range (longitude −180..180, latitude −90..90)");
        }
        if (outsideArea > 0) {
            parts.add(outsideArea + " outside the area of use of " + crsLabel);
        }
        return String.join(", ", parts);
    }
}
