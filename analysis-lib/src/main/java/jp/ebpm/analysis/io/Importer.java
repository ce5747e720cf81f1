package jp.ebpm.analysis.io;

import java.nio.file.Path;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.gis.LayerImportOptions;
import jp.ebpm.analysis.gis.LayerImporter;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.store.Sensitivity;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.CancelledException;
import jp.ebpm.analysis.task.ProgressListener;

/**
 * Imports files into a project: CSV/TSV, Excel (.xlsx, .xls), Parquet and statistics tables. The format is
 * chosen by content and extension (a file that is not what its extension says is refused). An import lands
 * whole (one transaction) or leaves the project exactly as it was; errors name the file, the line (or sheet
 * and cell) and the column. See {@code docs/import.md} for the detection rules.
 *
 * @since 0.1
 */
public final class Importer {

    private Importer() {
    }

    /**
     * Reads the first rows (at most 100) and the detected settings without changing any project.
     *
     * @throws WorkbenchException when the file cannot be read as any supported format
     */
    public static ImportPreview preview(Path file, ImportOptions options) {
        ImportOptions o = options == null ? ImportOptions.defaults() : options;
        SourceFormat format = SourceFormat.detect(file);
        return switch (format) {
            case TEXT -> CsvImport.preview(file, o);
            case XLSX, XLS -> ExcelImport.preview(file, o);
            case PARQUET -> ParquetImport.preview(file);
        };
    }

    /**
     * Imports a file as a new dataset named {@code options.name()} (default: the file name without extension).
     *
     * @throws WorkbenchException  on bad input or when the name is taken; the project is unchanged
     * @throws CancelledException  when cancelled; the project is unchanged
     */
    public static ImportResult importFile(Project project, Path file, ImportOptions options,
                                          ProgressListener progress, Cancellation cancel) {
        ImportOptions o = options == null ? ImportOptions.defaults() : options;
        ProgressListener pl = progress == null ? ProgressListener.NONE : progress;
        Cancellation cx = cancel == null ? Cancellation.none() : cancel;
        if (o.sensitivity() == Sensitivity.PRIVATE) {
            // Private data never lands in the plain project database: it is pseudonymised and encrypted.
            throw new WorkbenchException("Private data cannot be imported as a plain table. Import location data"
                    + " with 'workbench location import' (or the Location tab): ids are pseudonymised and the rows"
                    + " are stored encrypted.", file.getFileName().toString(), null, null, null);
        }
        if (LayerImporter.handles(file)) {
            // GeoJSON and shapefiles become map layers (geometry as WKB, CRS in the catalog).
            return LayerImporter.importLayer(project, file, new LayerImportOptions(o.name(), 0, null, null, o.kind(),
                    o.license(), o.sensitivity(), o.description()), pl, cx);
        }
        SourceFormat format = SourceFormat.detect(file);
        String name = ImportSupport.datasetName(file, o);
        project.catalog().checkNewName(name);
        cx.check();
        // One switch routes each kind of file to its importer; add new formats here.
        ImportResult result = switch (format) {
            case TEXT -> CsvImport.run(project, file, o, name, pl, cx);
            case XLSX, XLS -> ExcelImport.run(project, file, o, name, pl, cx);
            case PARQUET -> ParquetImport.run(project, file, o, name, pl, cx);
        };
        pl.progress("Imported " + result.dataset().rowCount() + " rows into " + name, 1, 1);
        return result;
    }
}
