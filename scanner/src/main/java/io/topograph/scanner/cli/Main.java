package io.topograph.scanner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of topograph-daemon.jar. */
@Command(name = "topograph-daemon", mixinStandardHelpOptions = true, version = "topograph-daemon 0.1.0",
        description = "Topograph discovery daemon and standalone scanner.",
        subcommands = {ScanCommand.class, SelfCommand.class, EnrollCommand.class, RunCommand.class})
public final class Main implements Runnable {

    public static final int EXIT_USAGE = 2;
    public static final int EXIT_NOT_IMPLEMENTED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: scan, self, enroll or run");
    }

    public static int execute(String... args) {
        return new CommandLine(new Main()).execute(args); // picocli answers invalid input with exit code 2 (EXIT_USAGE)
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
