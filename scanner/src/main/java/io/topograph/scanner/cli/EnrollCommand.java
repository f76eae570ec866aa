package io.topograph.scanner.cli;

import io.topograph.scanner.daemon.DaemonConfig;
import io.topograph.scanner.daemon.DaemonState;
import io.topograph.scanner.daemon.Enrollment;
import io.topograph.scanner.daemon.StateStore;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code enroll}: exchanges an enrollment token for this daemon's credential and saves it (mode 0600). */
@Command(name = "enroll", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Exchange an enrollment token for this daemon's own credential and save it in <state-dir>/daemon.json (mode 0600).",
            "Exit codes: 0 enrolled, 2 missing or bad options, 4 the token was refused (unknown, expired, revoked or used up), 1 other failures."})
final class EnrollCommand extends DaemonCommand implements Callable<Integer> {

    @Override
    public Integer call() throws InterruptedException {
        if (server == null || server.isBlank()) {
            System.err.println("error: --server is required (or TOPOGRAPH_SERVER)");
            return Main.EXIT_USAGE;
        }
        if (token == null || token.isBlank()) {
            System.err.println("error: --token is required (or TOPOGRAPH_ENROLLMENT_TOKEN)");
            return Main.EXIT_USAGE;
        }
        URI url;
        try {
            url = DaemonConfig.parseServer(server);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        StateStore store = new StateStore(stateDirOrDefault());
        StderrLog log = new StderrLog();
        try {
            Optional<DaemonState> existing = store.load();
            if (existing.isPresent() && existing.get().enrolled()) {
                log.accept("replacing the enrollment of daemon " + existing.get().daemonId() + " (" + existing.get().server() + ")");
            }
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        try {
            DaemonState s = Enrollment.enroll(url, token.trim(), name == null || name.isBlank() ? null : name.trim(), store,
                    DaemonConfig.DEFAULT_REQUEST_TIMEOUT, 4, d -> {
                        Thread.sleep(d.toMillis());
                        return true;
                    }, log);
            System.out.println("enrolled: daemon " + s.daemonId() + " in network \"" + s.networkName() + "\"; start it with: topograph-daemon run"
                    + (stateDir == null ? "" : " --state-dir " + store.dir()));
            return 0;
        } catch (Enrollment.Failure f) {
            System.err.println("error: " + f.getMessage());
            return f.exitCode();
        }
    }
}
