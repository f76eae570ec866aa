package io.topograph.scanner.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;

/**
 * Option defaults from the environment and a configuration file, so every option can be set three
 * ways. Precedence: the command line, then the environment variable {@code TOPOGRAPH_<OPTION>}
 * (the option's longest name upper-cased, dashes as underscores: {@code --timeout-ms} →
 * {@code TOPOGRAPH_TIMEOUT_MS}, {@code --token/--enrollment-token} → {@code TOPOGRAPH_ENROLLMENT_TOKEN}),
 * then the configuration file, then the built-in default. The file is the one named by
 * {@code --config <file>} or {@code TOPOGRAPH_CONFIG}, else {@link #DEFAULT_FILE} when it exists: lines
 * {@code KEY=VALUE} and {@code # comments}, where a key is the environment variable's name
 * ({@code TOPOGRAPH_RATE=2000}), the option name ({@code rate=2000}) or the option qualified with the
 * command ({@code scan.rate=2000}); a value may be quoted ({@code TOPOGRAPH_DAEMON_NAME="rack a"}).
 */
final class Settings implements CommandLine.IDefaultValueProvider {

    /** The daemon's configuration file, read when present and no other file is named. */
    static final Path DEFAULT_FILE = Path.of("/etc/topograph-daemon/daemon.conf");

    private final Map<String, String> env;
    private final Properties file;

    Settings(Map<String, String> env, Properties file) {
        this.env = env;
        this.file = file;
    }

    static Settings from(String[] args, Map<String, String> env) throws IOException {
        return from(args, env, DEFAULT_FILE);
    }

    /**
     * Reads the file named by {@code --config} in {@code args} or by TOPOGRAPH_CONFIG, else
     * {@code defaultFile} if it exists (an unreadable default file is skipped with a warning).
     */
    static Settings from(String[] args, Map<String, String> env, Path defaultFile) throws IOException {
        String path = env.get("TOPOGRAPH_CONFIG");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                path = args[i + 1];
            } else if (args[i].startsWith("--config=")) {
                path = args[i].substring("--config=".length());
            }
        }
        Properties p = new Properties();
        if (path != null && !path.isBlank()) {
            try (Reader r = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
                p.load(r);
            }
        } else if (path == null && defaultFile != null && Files.isRegularFile(defaultFile)) {
            try (Reader r = Files.newBufferedReader(defaultFile, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                System.err.println("warning: " + defaultFile + " is not readable (" + e.getMessage() + "); it is ignored");
            }
        }
        return new Settings(env, p);
    }

    /** Removes {@code --config <file>} from the arguments (it is read before parsing). */
    static String[] withoutConfig(String[] args) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                i++;
            } else if (!args[i].startsWith("--config=")) {
                out.add(args[i]);
            }
        }
        return out.toArray(new String[0]);
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec arg) {
        if (!(arg instanceof CommandLine.Model.OptionSpec option)) {
            return null;
        }
        return value(option.command() == null ? null : option.command().name(), option.longestName().replaceFirst("^-+", ""));
    }

    /**
     * The default of option {@code name} (its longest name without dashes) of {@code command}, from the
     * environment or the file, or null when neither sets it.
     */
    String value(String command, String name) {
        String envName = "TOPOGRAPH_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
        String fromEnv = env.get(envName);
        if (fromEnv != null) {
            return fromEnv;
        }
        String fromFile = command == null ? null : file.getProperty(command + "." + name);
        if (fromFile == null) {
            fromFile = file.getProperty(name);
        }
        if (fromFile == null) {
            fromFile = file.getProperty(envName);
        }
        return unquote(fromFile);
    }

    private static String unquote(String v) {
        if (v == null) {
            return null;
        }
        String t = v.trim();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }
}
