package io.topograph.scanner.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Not implemented yet: the daemon protocol is being defined on the server side. */
@Command(name = "run", description = "Run as a daemon: heartbeat, pull work, scan, report (NOT IMPLEMENTED YET).")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--state-dir", description = "where the credential is stored") String stateDir;

    @Override
    public Integer call() {
        System.err.println("run: not implemented yet in this build (the daemon protocol is not finished); nothing was done");
        return Main.EXIT_NOT_IMPLEMENTED;
    }
}
