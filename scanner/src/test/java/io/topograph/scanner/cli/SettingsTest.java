package io.topograph.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Option values from the environment and a configuration file; bad values show which source won. */
class SettingsTest {

    record Run(int code, String err) {
    }

    private static synchronized Run run(Map<String, String> env, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(Main.execute(env, args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void an_environment_variable_sets_an_option_and_the_command_line_wins() {
        Run fromEnv = run(Map.of("TOPOGRAPH_FORMAT", "xml"), "scan");
        assertThat(fromEnv.code()).isEqualTo(2);
        assertThat(fromEnv.err()).contains("--format must be json or table, not \"xml\"");
        Run timeout = run(Map.of("TOPOGRAPH_TIMEOUT_MS", "5"), "scan");
        assertThat(timeout.err()).contains("--timeout-ms must be between 10 and 60000, not 5");
        Run overridden = run(Map.of("TOPOGRAPH_FORMAT", "xml"), "scan", "--format", "yaml");
        assertThat(overridden.err()).contains("not \"yaml\"");
    }

    @Test
    void a_configuration_file_sets_options_below_the_environment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("daemon.properties");
        Files.writeString(file, "# daemon settings\nrate=0\nscan.ports=99999\n");
        Run plain = run(Map.of(), "scan", "--config", file.toString(), "--ports", "22");
        assertThat(plain.err()).contains("--rate must be between 1 and 1000000, not 0");
        Run qualified = run(Map.of(), "scan", "--config=" + file, "--rate", "10");
        assertThat(qualified.err()).contains("invalid port 99999");
        Run envWins = run(Map.of("TOPOGRAPH_CONFIG", file.toString(), "TOPOGRAPH_RATE", "2000000"), "scan", "--ports", "22");
        assertThat(envWins.err()).contains("not 2000000");
        Run missing = run(Map.of(), "scan", "--config", dir.resolve("nope.properties").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read the configuration file");
    }
}
