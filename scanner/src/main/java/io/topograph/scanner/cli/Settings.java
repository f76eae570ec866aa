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
 * (option name upper-cased, dashes as underscores: {@code --timeout-ms} → {@code TOPOGRAPH_TIMEOUT_MS}),
 * then the properties file named by {@code --config <file>} or {@code TOPOGRAPH_CONFIG} (keys are option
 * names without dashes: {@code timeout-ms=500}, or qualified with the command: {@code scan.rate=2000}),
 * then the built-in default.
 */
final class Settings implements CommandLine.IDefaultValueProvider {

    private final Map<String, String> env;
    private final Properties file;

    Settings(Map<String, String> env, Properties file) {
        this.env = env;
        this.file = file;
    }

    /** Reads the file named by {@code --config} in {@code args} or by TOPOGRAPH_CONFIG (none: no file). */
    static Settings from(String[] args, Map<String, String> env) throws IOException {
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
        String name = option.longestName().replaceFirst("^-+", "");
        String fromEnv = env.get("TOPOGRAPH_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (fromEnv != null) {
            return fromEnv;
        }
        String command = option.command() == null ? null : option.command().name();
        String fromFile = command == null ? null : file.getProperty(command + "." + name);
        return fromFile != null ? fromFile : file.getProperty(name);
    }
}
