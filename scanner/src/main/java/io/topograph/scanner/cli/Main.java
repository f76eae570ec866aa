package io.topograph.scanner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of topograph-daemon.jar. */
@Command(name = "topograph-daemon", mixinStandardHelpOptions = true, version = "topograph-daemon 0.1.0",
        description = {"Topograph discovery daemon and standalone scanner.",
            "Every option can also come from the environment (TOPOGRAPH_<OPTION>, e.g. TOPOGRAPH_RATE=2000) or from a",
            "properties file given with --config <file> or TOPOGRAPH_CONFIG (rate=2000 or scan.rate=2000); the command line wins."},
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
        return execute(System.getenv(), args);
    }

    /** Runs a command with option defaults from {@code env} and the configuration file (see {@link Settings}). */
    static int execute(java.util.Map<String, String> env, String... args) {
        Settings settings;
        try {
            settings = Settings.from(args, env);
        } catch (java.io.IOException e) {
            System.err.println("error: cannot read the configuration file: " + e.getMessage());
            return EXIT_USAGE;
        }
        CommandLine cli = new CommandLine(new Main()).setDefaultValueProvider(settings);
        return cli.execute(Settings.withoutConfig(args)); // picocli answers invalid input with exit code 2 (EXIT_USAGE)
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
