package jp.ebpm.analysis.sample;

import java.util.Locale;

import jp.ebpm.analysis.io.ImportOptions;
import jp.ebpm.analysis.io.Importer;
import jp.ebpm.analysis.store.Project;
import jp.ebpm.analysis.task.Cancellation;
import jp.ebpm.analysis.task.ProgressListener;

/** Loads one manifest entry with the importer that fits its kind and file type. */
final class SampleLoaders {

    private SampleLoaders() {
    }

    static void load(Project project, SampleManifest.Entry e, Cancellation cancel) {
        String file = e.file().getFileName().toString().toLowerCase(Locale.ROOT);
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
