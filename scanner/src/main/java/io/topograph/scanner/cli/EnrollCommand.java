package io.topograph.scanner.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Not implemented yet: the daemon protocol is being defined on the server side. */
@Command(name = "enroll", description = "Exchange an enrollment token for this daemon's credential (NOT IMPLEMENTED YET).")
final class EnrollCommand implements Callable<Integer> {
    @Option(names = "--server", description = "Topograph server URL") String server;
    @Option(names = "--token", description = "enrollment token") String token;
    @Option(names = "--state-dir", description = "where the credential is stored") String stateDir;

    @Override
    public Integer call() {
        System.err.println("enroll: not implemented yet in this build (the daemon protocol is not finished); nothing was done");
        return Main.EXIT_NOT_IMPLEMENTED;
    }
}
