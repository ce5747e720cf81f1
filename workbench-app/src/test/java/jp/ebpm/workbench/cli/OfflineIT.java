package jp.ebpm.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, offline: {@code import}, {@code crosstab}, {@code map render}, {@code report build} and
 * {@code location aggregate} open no network connection.
 *
 * <ol>
 *   <li>In-process (always): a {@link ProxySelector} and a socket factory that record every attempt are installed
 *       before the commands run; no attempt may be recorded. This sees Java's own sockets and URL connections.</li>
 *   <li>The packaged {@code workbench.jar} in child processes (where the tools exist, as on the build machine):
 *       under {@code strace -f -e trace=connect} no {@code connect()} to an internet address (AF_INET, AF_INET6) may
 *       appear, which also covers DuckDB's native code; and inside a network namespace without any interface
 *       ({@code unshare -n}) every command must still succeed.</li>
 * </ol>
 */
class OfflineIT {

    private static final String PASS = "a long test passphrase";

    @TempDir
    Path dir;

    /** The five commands of the issue, on a project prepared by {@link #prepare}. */
    private List<List<String>> commands(Path project) throws IOException {
        Path survey = Files.writeString(dir.resolve("survey.csv"), "性別,回答\n男性,はい\n女性,いいえ\n男性,はい\n女性,はい\n",
                StandardCharsets.UTF_8);
        Path spec = Files.writeString(dir.resolve("spec.json"),
                "{\"title\":\"t\",\"items\":[{\"type\":\"table\",\"title\":\"x\",\"sql\":\"SELECT 1 AS n\"}]}");
        Path out = Files.createDirectories(dir.resolve("out"));
        return List.of(
                List.of("import", "--project", project.toString(), "--file", survey.toString(), "--name", "survey_" + System.nanoTime()),
                List.of("crosstab", "--csv", survey.toString(), "--rows", "性別", "--cols", "回答", "--format", "csv"),
                List.of("map", "render", "--project", project.toString(), "--layer", "wards", "--value", "fid", "--out",
                        out.resolve("map" + System.nanoTime() + ".png").toString()),
                List.of("report", "build", "--project", project.toString(), "--spec", spec.toString(), "--out",
                        out.resolve("r" + System.nanoTime() + ".xlsx").toString()),
                List.of("location", "aggregate", "--project", project.toString(), "--dataset", "pings", "--by", "ward", "--time",
                        "hour", "--out", out.resolve("agg" + System.nanoTime() + ".csv").toString()));
    }

    private Path prepare() {
        Path project = dir.resolve("project");
        Path sample = Path.of(System.getProperty("workbench.sampleData", "../sample-data"));
        Passphrase.environment = n -> Passphrase.ENV.equals(n) ? PASS : null;
        try {
            assertEquals(0, CliTestSupport.run("layer", "import", "--project", project.toString(), "--name", "wards", "--file",
                    sample.resolve("gis/kawasaki-wards-n03-2021-simplified.geojson").toString()).exitCode());
            CliTestSupport.Result r = CliTestSupport.run("location", "import", "--project", project.toString(), "--file",
                    sample.resolve("location/pings-sample.csv").toString(), "--name", "pings", "--kind", "pings");
            assertEquals(0, r.exitCode(), r.err());
        } finally {
            Passphrase.environment = System::getenv;
        }
        return project;
    }

    @Test
    void noCommandOpensASocket() throws Exception {
        Path project = prepare();
        List<String> attempts = Collections.synchronizedList(new ArrayList<>());
        ProxySelector before = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                attempts.add("proxy lookup for " + uri);
                throw new IllegalStateException("network access attempted: " + uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                attempts.add("connect failed " + uri);
            }
        });
        boolean factory = installSocketFactory(attempts);
        Passphrase.environment = n -> Passphrase.ENV.equals(n) ? PASS : null;
        try {
            for (List<String> c : commands(project)) {
                StringWriter err = new StringWriter();
                int code = WorkbenchCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), c.toArray(new String[0]));
                assertEquals(0, code, c + "\n" + err);
            }
        } finally {
            Passphrase.environment = System::getenv;
            ProxySelector.setDefault(before);
        }
        assertTrue(attempts.isEmpty(), "network attempts: " + attempts + (factory ? "" : " (socket factory was already set)"));
    }

    /** Installs a socket factory recording every Java socket (it can be set once per JVM). */
    @SuppressWarnings("deprecation")
    private static boolean installSocketFactory(List<String> attempts) {
        try {
            Socket.setSocketImplFactory(() -> {
                attempts.add("socket created at " + Thread.currentThread().getStackTrace()[3]);
                throw new IllegalStateException("socket created");
            });
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Test
    void thePackagedCommandsConnectNowhereAndRunWithoutANetwork() throws Exception {
        Path jar = Path.of("target", "workbench.jar").toAbsolutePath();
        boolean strace = works("strace", "-f", "-qq", "--seccomp-bpf", "-e", "trace=connect", "-o", "/dev/null", "true");
        boolean unshare = works("unshare", "-n", "true");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(jar) && (strace || unshare),
                "needs the packaged jar and strace or unshare (present on the build machine)");
        Path project = prepare();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int n = 0;
        for (List<String> c : commands(project)) {
            Path log = dir.resolve("strace-" + n++ + ".log");
            List<String> cmd = new ArrayList<>();
            if (unshare) {
                cmd.addAll(List.of("unshare", "-n"));
            }
            if (strace) {
                cmd.addAll(List.of("strace", "-f", "-qq", "--seccomp-bpf", "-e", "trace=connect", "-o", log.toString()));
            }
            cmd.addAll(List.of(java, "-Xmx1g", "-Djava.awt.headless=true", "-jar", jar.toString()));
            cmd.addAll(c);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out-" + n + ".txt").toFile());
            pb.environment().put(Passphrase.ENV, PASS);
            Process p = pb.start();
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), "timed out: " + cmd);
            String output = Files.readString(dir.resolve("out-" + n + ".txt"));
            assertEquals(0, p.exitValue(), cmd + "\n" + output);
            if (strace) {
                List<String> inet = Files.readAllLines(log).stream()
                        .filter(l -> l.contains("connect(") && (l.contains("AF_INET") || l.contains("AF_INET6"))).toList();
                assertTrue(inet.isEmpty(), c + " connected to the network: " + inet);
            }
        }
    }

    private static boolean works(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
