package jp.ebpm.workbench.app;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Start-up timing for benchmarks and the packaging scripts, switched on by the system property
 * {@value #PROPERTY}: {@code print} writes one line per start-up event to standard error,
 * {@code startup-probe: <event> <milliseconds since the JVM started> ms}; {@code exit} does the same
 * and then closes the workbench once the start project is open (the installer records its class-data
 * archive this way). Without the property nothing is printed.
 */
final class StartupProbe {

    /** The switch: {@code print} or {@code exit}. */
    static final String PROPERTY = "workbench.startupProbe";

    private final boolean print;
    private final boolean exit;
    private final Instant jvmStart;
    private final PrintStream out;

    StartupProbe(String mode, Instant jvmStart, PrintStream out) {
        String m = mode == null ? "" : mode.trim().toLowerCase(Locale.ROOT);
        this.exit = m.equals("exit");
        this.print = exit || m.equals("print") || m.equals("true");
        this.jvmStart = jvmStart;
        this.out = out;
    }

    /**
     * The probe as set by {@value #PROPERTY}, timed from the start of the JVM (to the millisecond; the
     * process start time that Linux reports is off by up to a second, its boot-time base being whole seconds).
     */
    static StartupProbe fromSystem() {
        String mode = System.getProperty(PROPERTY);
        Instant start = mode == null || mode.isBlank() ? Instant.now()
                : Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        return new StartupProbe(mode, start, System.err);
    }

    /** Records an event (no-op when the probe is off). */
    void mark(String event) {
        mark(event, Instant.now());
    }

    void mark(String event, Instant at) {
        if (print) {
            out.println("startup-probe: " + event + " " + Duration.between(jvmStart, at).toMillis() + " ms");
            out.flush();
        }
    }

    /** Whether the workbench should close itself once the start project is open. */
    boolean exitWhenReady() {
        return exit;
    }
}
