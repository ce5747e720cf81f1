package jp.ebpm.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import jp.ebpm.analysis.privacy.UnlockedVault;
import jp.ebpm.analysis.privacy.audit.AuditEntry;
import jp.ebpm.analysis.privacy.audit.AuditLog;
import jp.ebpm.analysis.store.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code workbench audit}: shows, verifies and exports the audit log of private-derived outputs. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Show the audit log of views and exports of private data; --verify checks the hash chain"
                + " (and the MACs when WORKBENCH_PASSPHRASE is set). Exit code 1 when verification fails.")
final class AuditCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--verify", description = "Verify the hash chain.")
    boolean verify;

    @Option(names = "--export", paramLabel = "F", description = "Copy the log (JSON lines) to a file.")
    Path export;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Project p = project.open()) {
            AuditLog log = new AuditLog(p);
            if (export != null) {
                log.export(export);
                out.println("exported the audit log to " + export);
            }
            if (verify) {
                byte[] key = null;
                String env = Passphrase.environment.apply(Passphrase.ENV);
                if (env != null && !env.isEmpty() && UnlockedVault.hasPassphrase(p)) {
                    char[] pass = env.toCharArray();
                    try {
                        key = UnlockedVault.auditKey(p, pass);
                    } finally {
                        Arrays.fill(pass, '\0');
                    }
                }
                AuditLog.Verification res = log.verify(key);
                if (res.ok()) {
                    out.println("audit log OK: " + res.entries() + " entries, hash chain intact"
                            + (res.macChecked() ? ", MACs verified." : " (MACs not checked: no passphrase given)."));
                    return 0;
                }
                PrintWriter err = spec.commandLine().getErr();
                err.println("error: the audit log does NOT verify:");
                res.problems().forEach(s -> err.println("  " + s));
                return WorkbenchCli.DATA_ERROR;
            }
            if (export == null) {
                out.println("seq\ttime\tuser\toperation\tdataset\tk\toutput\toutput_sha256");
                for (AuditEntry e : log.read()) {
                    out.println(e.seq() + "\t" + e.time() + "\t" + e.user() + "\t" + e.operation() + "\t" + e.dataset()
                            + "\t" + e.k() + "\t" + e.output() + "\t" + e.outputSha256());
                }
            }
            return 0;
        }
    }
}
