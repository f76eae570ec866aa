package io.topograph.scanner.cli;

import io.topograph.scanner.daemon.Daemon;
import io.topograph.scanner.daemon.DaemonConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: the daemon. Enrolls first when the state dir has no credential but a server and token are configured. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run as a daemon: heartbeat, pull discovery runs, scan, report. Survives server outages (back-off, results kept);"
            + " SIGTERM stops it cleanly (a run in progress is reported as failed: \"daemon stopped\"). Enrolls first when the state"
            + " directory holds no credential and a server and enrollment token are configured.",
            "Exit codes: 0 stopped, 2 not enrolled or bad options, 4 the server refused the credential (enroll again), 1 other failures."})
final class RunCommand extends DaemonCommand implements Callable<Integer> {

    @Option(names = "--default-targets", paramLabel = "<targets>", defaultValue = DaemonConfig.DEFAULT_TARGETS,
            description = "what a run without targets scans (TOPOGRAPH_DEFAULT_TARGETS; default: ${DEFAULT-VALUE}). The daemon never scans its subnets unless a user asks")
    String defaultTargets;

    @Option(names = "--rate", paramLabel = "N", description = "ceiling on new connects per second, whatever a run asks (TOPOGRAPH_RATE)")
    Integer rate;

    @Option(names = "--concurrency", paramLabel = "N", description = "ceiling on connects in flight (TOPOGRAPH_CONCURRENCY)")
    Integer concurrency;

    @Option(names = "--heartbeat-seconds", paramLabel = "N",
            description = "heartbeat at least this often (TOPOGRAPH_HEARTBEAT_SECONDS; default: as the server says, 30 s); an idle daemon claims work after each heartbeat")
    Integer heartbeatSeconds;

    @Option(names = "--no-rdns", description = "no reverse DNS lookups of the hosts found (TOPOGRAPH_NO_RDNS=true)")
    boolean noRdns;

    @Option(names = "--docker-socket", paramLabel = "<path|none>", defaultValue = "/var/run/docker.sock",
            description = "Docker API socket whose containers, published ports and networks are reported with this host when it is scanned"
                    + " (TOPOGRAPH_DOCKER_SOCKET; default: ${DEFAULT-VALUE}; skipped when absent; none turns it off)")
    String dockerSocket;

    @Override
    public Integer call() throws InterruptedException {
        DaemonConfig config;
        try {
            if (heartbeatSeconds != null && (heartbeatSeconds < 1 || heartbeatSeconds > 3600)) {
                throw new IllegalArgumentException("--heartbeat-seconds must be between 1 and 3600, not " + heartbeatSeconds);
            }
            config = new DaemonConfig(server == null || server.isBlank() ? null : DaemonConfig.parseServer(server), token, stateDirOrDefault(),
                    name, defaultTargets, rate, concurrency, heartbeatSeconds == null ? null : Duration.ofSeconds(heartbeatSeconds), null, !noRdns,
                    DaemonConfig.dockerSocket(dockerSocket));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        Daemon daemon = new Daemon(config, new StderrLog());
        try {
            daemon.prepare();
        } catch (IllegalStateException | IOException e) {
            System.err.println("error: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        // SIGTERM/SIGINT: stop scanning, report the run as failed within 5 s, exit 0 (halt, since the JVM would exit 143)
        Thread hook = new Thread(() -> {
            if (daemon.isRunning()) {
                try {
                    daemon.stop(Daemon.STOP_GRACE);
                } catch (InterruptedException ignored) {
                    // exit anyway
                }
                System.err.flush();
                Runtime.getRuntime().halt(Daemon.EXIT_OK);
            }
        }, "topograph-daemon-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return daemon.run();
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            return Main.EXIT_USAGE;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
    }
}
