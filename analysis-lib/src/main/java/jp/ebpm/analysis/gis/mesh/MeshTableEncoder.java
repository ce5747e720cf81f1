package jp.ebpm.analysis.gis.mesh;

import java.nio.file.Path;

import jp.ebpm.analysis.io.PointBatchReader;
import jp.ebpm.analysis.io.PointScan;
import jp.ebpm.analysis.store.PointFunctions;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Adds a {@code mesh_code} column to a table of points (CSV/TSV in UTF-8, CP932 or EUC-JP, Parquet or Excel, with
 * latitude and longitude columns in JGD2011/WGS84 degrees) and writes it as CSV. The file is streamed by DuckDB through
 * {@link MeshCode#encode} in column batches ({@link PointBatchReader}), so its size is limited by the disk only. Every
 * input column is written unchanged; a row whose coordinates are empty, not numbers or outside the mesh range gets an
 * empty code. An existing {@code mesh_code} column is overwritten in place.
 *
 * @since 0.1
 */
public final class MeshTableEncoder {

    /** Name of the added column. */
    public static final String COLUMN = "mesh_code";

    private MeshTableEncoder() {
    }

    /**
     * Encodes a file and writes CSV (UTF-8, comma, header).
     *
     * @return the rows read; {@link PointScan#unmatched()} + {@link PointScan#skipped()} rows got no code
     * @throws IllegalArgumentException when a named column does not exist
     */
    public static PointScan encode(Path input, String latCol, String lonCol, MeshLevel level, Path out,
                                   ProgressListener progress, Cancellation cancel) {
        try (PointBatchReader points = PointBatchReader.open(input, latCol, lonCol, null, progress, cancel)) {
            return points.copyCsv(out, kernel(level), COLUMN,
                    call -> "lpad(CAST(" + call + " AS VARCHAR), " + level.digits() + ", '0')", progress, cancel);
        }
    }

    /** {@link MeshCode#encode} as a batch function of (longitude, latitude): the code, or NULL outside the mesh range. */
    static PointFunctions.Kernel kernel(MeshLevel level) {
        return (x, y, n, out) -> {
            for (int i = 0; i < n; i++) {
                long code = Double.isNaN(x[i]) ? MeshCode.NONE : MeshCode.encode(y[i], x[i], level);
                out[i] = code == MeshCode.NONE ? PointFunctions.NULL : code;
            }
        };
    }
}
