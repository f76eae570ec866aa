package io.topograph.scanner.cli;

import io.topograph.scanner.daemon.DaemonConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options enroll and run share (each also from TOPOGRAPH_<LONGEST NAME> or the configuration file). */
abstract class DaemonCommand {

    @Option(names = "--server", paramLabel = "<url>", description = "the Topograph server's URL, e.g. https://topograph.example.com (TOPOGRAPH_SERVER)")
    String server;

    @Option(names = {"--token", "--enrollment-token"}, paramLabel = "<token>",
            description = "an enrollment token (tge_…) from the network's Daemons tab (TOPOGRAPH_ENROLLMENT_TOKEN)")
    String token;

    @Option(names = "--state-dir", paramLabel = "<dir>",
            description = "where daemon.json (the credential) is kept (TOPOGRAPH_STATE_DIR; default /var/lib/topograph-daemon when writable, else ~/.local/state/topograph-daemon)")
    Path stateDir;

    @Option(names = {"--name", "--daemon-name"}, paramLabel = "<name>", description = "the daemon's name in Topograph (TOPOGRAPH_DAEMON_NAME; default: the hostname)")
    String name;

    Path stateDirOrDefault() {
        return stateDir != null ? stateDir : DaemonConfig.defaultStateDir(Map.of());
    }
}
