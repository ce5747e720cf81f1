package jp.ebpm.analysis.privacy.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * One line of the audit log.
 *
 * @param seq          1-based position in the log
 * @param time         ISO-8601 UTC time
 * @param user         the operating-system user ({@code user.name})
 * @param dataset      the private dataset the output derives from
 * @param operation    e.g. {@code aggregate}, {@code od}, {@code view}, {@code export}
 * @param parameters   the operation's parameters (grouping, time band, rounding, ...)
 * @param k            the disclosure threshold applied
 * @param output       the output file (or a description of the view), may be empty
 * @param outputSha256 SHA-256 (hex) of the output bytes
 * @param prevHash     the previous entry's hash (64 zeros for the first entry)
 * @param hash         SHA-256 (hex) of this entry's canonical JSON without {@code hash} and {@code mac}
 * @param mac          HMAC-SHA-256 (hex) of {@code hash} with the project's audit key, or empty
 */
public record AuditEntry(long seq, String time, String user, String dataset, String operation,
                         Map<String, String> parameters, int k, String output, String outputSha256,
                         String prevHash, String hash, String mac) {

    public AuditEntry {
        parameters = new TreeMap<>(parameters == null ? Map.of() : parameters);
        output = output == null ? "" : output;
        mac = mac == null ? "" : mac;
    }
}
