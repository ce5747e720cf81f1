package jp.ebpm.analysis.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.kpi.KpiFiles;
import jp.ebpm.analysis.kpi.KpiStore;
import jp.ebpm.analysis.store.DatasetInfo;

import jp.ebpm.analysis.gis.LayerImportOptions;
import jp.ebpm.analysis.gis.LayerImporter;
import jp.ebpm.analysis.io.ImportOptions;
import jp.ebpm.analysis.io.Importer;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.survey.CodebookIo;
import jp.ebpm.analysis.survey.ProjectCodebooks;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/** Loads one manifest entry with the importer that fits its kind and file type. */
final class SampleLoaders {

    private SampleLoaders() {
    }

    static void load(Project project, SampleManifest.Entry e, Cancellation cancel) {
        switch (e.kind()) {
            case KPI -> loadKpi(project, e);
            case BOUNDARY, POINTS -> loadLayer(project, e, cancel);
            default -> importTable(project, e, cancel);
        }
        if (e.codebook() != null) {
            ProjectCodebooks.save(project, e.name(), CodebookIo.read(e.codebook()));
        }
    }

    private static void loadKpi(Project project, SampleManifest.Entry e) {
        KpiStore.save(project, e.name(), KpiFiles.read(e.file()), e.file().getFileName().toString(), sha256(e.file()),
                e.description());
        DatasetInfo info = project.catalog().get(e.name());
        project.catalog().update(info.withDescription(e.description(), e.license(), e.sensitivity()));
    }

    private static void loadLayer(Project project, SampleManifest.Entry e, Cancellation cancel) {
        String crs = e.options().getOrDefault("crs", "EPSG:0");
        int epsg = Integer.parseInt(crs.substring(crs.indexOf(':') + 1));
        LayerImportOptions o = new LayerImportOptions(e.name(), epsg, e.options().get("lat"), e.options().get("lon"),
                e.kind(), e.license(), e.sensitivity(), e.description());
        LayerImporter.importLayer(project, e.file(), o, ProgressListener.NONE, cancel);
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new WorkbenchException("Cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void importTable(Project project, SampleManifest.Entry e, Cancellation cancel) {
        ImportOptions o = ImportOptions.defaults().withName(e.name()).withKind(e.kind())
                .withSensitivity(e.sensitivity()).withLicense(e.license()).withDescription(e.description());
        if (e.options().containsKey("encoding")) {
            o = o.withEncoding(e.options().get("encoding"));
        }
        if (e.options().containsKey("sheet")) {
            o = o.withSheet(e.options().get("sheet"));
        }
        if (e.options().containsKey("skipRows")) {
            o = o.withSkipRows(Integer.valueOf(e.options().get("skipRows")));
        }
        if (Boolean.parseBoolean(e.options().getOrDefault("statistics", "false"))) {
            o = o.withStatistics(true);
        }
        Importer.importFile(project, e.file(), o, ProgressListener.NONE, cancel);
    }
}
