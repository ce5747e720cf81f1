package jp.ebpm.analysis.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads reference-vector CSV files of the tests (results of R, PSPP, jismesh, ... with a provenance line
 * starting with {@code #}) through the input layer, so test data is parsed by the same reader as user files.
 */
public final class ReferenceVectors {

    private ReferenceVectors() {
    }

    /** The records of a resource next to {@code anchor} (or an absolute resource path), provenance lines left out. */
    public static List<DelimitedText.Record> records(Class<?> anchor, String resource) throws IOException {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            String text = TextFile.decode(in.readAllBytes(), "utf-8", resource).value();
            return DelimitedText.parse(text, ',', resource).stream().filter(r -> !r.field(0).startsWith("#")).toList();
        }
    }

    /** The data rows as maps from header name to value. */
    public static List<Map<String, String>> rows(Class<?> anchor, String resource) throws IOException {
        List<DelimitedText.Record> recs = records(anchor, resource);
        List<String> header = recs.get(0).fields();
        List<Map<String, String>> out = new ArrayList<>();
        for (DelimitedText.Record r : recs.subList(1, recs.size())) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), r.field(i));
            }
            out.add(m);
        }
        return out;
    }
}
