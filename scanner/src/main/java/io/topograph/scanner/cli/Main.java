package io.topograph.scanner.cli;

import io.topograph.scanner.daemon.Daemon;
import io.topograph.scanner.daemon.Version;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The commands of topograph-daemon.jar (its entry point is {@link Launch}, which re-launches a scan first). */
@Command(name = "topograph-daemon", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"Topograph discovery daemon and standalone scanner.",
            "Every option can also come from the environment (TOPOGRAPH_<OPTION>, e.g. TOPOGRAPH_RATE=2000) or from a",
            "configuration file given with --config <file> or TOPOGRAPH_CONFIG, else /etc/topograph-daemon/daemon.conf when",
            "present (KEY=VALUE lines: TOPOGRAPH_RATE=2000, rate=2000 or scan.rate=2000); the command line wins, then the",
            "environment, then the file."})
public final class Main implements Runnable {

    public static final int EXIT_FAILURE = Daemon.EXIT_FAILURE;
    public static final int EXIT_USAGE = 2;
    /** The server refused the enrollment token or the daemon's credential: enroll again. */
    public static final int EXIT_REFUSED = Daemon.EXIT_REFUSED;

    /** The commands by name (each class's {@code @Command} name), in the order the usage help lists them. */
    static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("scan", ScanCommand::new);
        COMMANDS.put("self", SelfCommand::new);
        COMMANDS.put("enroll", EnrollCommand::new);
        COMMANDS.put("run", RunCommand::new);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"topograph-daemon " + Version.current()};
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: scan, self, enroll or run");
    }

    public static int execute(String... args) {
        return execute(System.getenv(), args);
    }

    /** Runs a command with option defaults from {@code env} and the configuration file (see {@link Settings}). */
    static int execute(java.util.Map<String, String> env, String... args) {
        return execute(env, Settings.DEFAULT_FILE, args);
    }

    /** As {@link #execute(java.util.Map, String...)}, with another default configuration file (tests). */
    static int execute(java.util.Map<String, String> env, Path defaultConfigFile, String... args) {
        Settings settings;
        try {
            settings = Settings.from(args, env, defaultConfigFile);
        } catch (java.io.IOException e) {
            System.err.println("error: cannot read the configuration file: " + e.getMessage());
            return EXIT_USAGE;
        }
        String[] rest = Settings.withoutConfig(args);
        if (rest.length > 0 && rest[0].equals("scan")) {
            ScanCommand scan = ScanCommand.parseQuickly(java.util.Arrays.copyOfRange(rest, 1, rest.length), settings);
            if (scan != null) {
                try {
                    return scan.call();
                } catch (Exception e) { // as picocli answers a command's exception
                    e.printStackTrace();
                    return EXIT_FAILURE;
                }
            }
        }
        CommandLine cli = new CommandLine(new Main());
        // picocli builds the model of every command it is given, by reflection: a command line naming
        // one command gets only that one (a shorter start-up), any other (help, a typo) gets them all
        String named = rest.length == 0 ? "" : rest[0];
        Supplier<Object> only = COMMANDS.get(named);
        if (only != null) {
            cli.addSubcommand(only.get());
        } else {
            COMMANDS.values().forEach(c -> cli.addSubcommand(c.get()));
        }
        cli.setDefaultValueProvider(settings);
        return cli.execute(rest); // picocli answers invalid input with exit code 2 (EXIT_USAGE)
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
