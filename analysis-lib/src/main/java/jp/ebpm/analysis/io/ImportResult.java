package jp.ebpm.analysis.io;

import java.util.List;

import jp.ebpm.analysis.store.DatasetInfo;

/**
 * The outcome of a successful import.
 *
 * @param dataset  the new catalog entry
 * @param warnings things the user should know (e.g. symbols read as missing), in plain words
 */
public record ImportResult(DatasetInfo dataset, List<String> warnings) {

    public ImportResult {
        warnings = List.copyOf(warnings);
    }
}
