package io.topograph.scanner.api;

import io.topograph.scanner.daemon.Daemon;
import io.topograph.scanner.daemon.DaemonConfig;
import io.topograph.scanner.daemon.Version;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The daemon, run inside another program (the server's own local daemon): the same loop as
 * {@code topograph-daemon run}, on daemon threads. Signatures use JDK types only (see package-info).
 */
public final class EmbeddedDaemon {

    private EmbeddedDaemon() {
    }

    /**
     * Starts a daemon and returns at once; closing the result stops it (a run in progress is reported
     * as failed, "daemon stopped") within 5 s.
     *
     * @param settings keys {@code server}, {@code stateDir} (required), {@code enrollmentToken} (needed
     *                 until enrolled), {@code name}, {@code defaultTargets}, {@code rate}, {@code concurrency},
     *                 {@code heartbeatSeconds}; an unknown key is an error
     * @param log      receives one line per event (never the credential); may be null
     * @throws IllegalArgumentException bad settings
     * @throws IllegalStateException    not enrolled and no server and token to enroll with, or an unreadable state file
     */
    public static AutoCloseable start(Map<String, String> settings, Consumer<String> log) {
        DaemonConfig config = DaemonConfig.fromMap(settings);
        Daemon daemon = new Daemon(config, log == null ? line -> { } : log);
        try {
            daemon.start();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage());
        }
        return () -> daemon.stop(Daemon.STOP_GRACE);
    }

    /** The daemon jar's version (its manifest's Implementation-Version). */
    public static String version() {
        return Version.current();
    }
}
