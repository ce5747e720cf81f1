package jp.ebpm.analysis.gis.mesh;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.ebpm.analysis.gis.io.PointTableReader;
import jp.ebpm.analysis.gis.io.TextTable;
import jp.ebpm.analysis.io.CsvWriter;

/**
 * Adds a {@code mesh_code} column to a CSV/Excel table with latitude and longitude columns (JGD2011/WGS84 degrees).
 * Every input column is written unchanged; a row whose coordinates are empty, not numbers or outside the mesh range
 * gets an empty code. An existing {@code mesh_code} column is overwritten.
 *
 * @since 0.1
 */
public final class MeshTableEncoder {

    /** Name of the added column. */
    public static final String COLUMN = "mesh_code";

    private MeshTableEncoder() {
    }

    /**
     * Encodes a file and writes CSV.
     *
     * @return the number of rows that got no code
     * @throws IllegalArgumentException when a named column does not exist
     */
    public static long encode(Path input, String latCol, String lonCol, MeshLevel level, Writer out) throws IOException {
        TextTable t = TextTable.read(input);
        String name = input.getFileName().toString();
        int la = t.require(latCol, name);
        int lo = t.require(lonCol, name);
        List<String> header = new ArrayList<>(t.header());
        int target = header.indexOf(COLUMN);
        if (target < 0) {
            header.add(COLUMN);
            target = header.size() - 1;
        }
        CsvWriter w = CsvWriter.plain(out);
        w.row(header);
        long missing = 0;
        for (String[] r : t.rows()) {
            String[] row = Arrays.copyOf(r, header.size());
            for (int i = r.length; i < row.length; i++) {
                row[i] = "";
            }
            long code = MeshCode.encode(PointTableReader.number(r[la]), PointTableReader.number(r[lo]), level);
            row[target] = code == MeshCode.NONE ? "" : MeshCode.format(code, level);
            if (code == MeshCode.NONE) {
                missing++;
            }
            w.row((Object[]) row);
        }
        w.flush();
        return missing;
    }
}
