package io.topograph.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine.Command;
import org.junit.jupiter.api.Test;

class MainCommandsTest {

    @Test
    void every_command_is_registered_under_its_own_command_name() {
        for (Map.Entry<String, java.util.function.Supplier<Object>> e : Main.COMMANDS.entrySet()) {
            assertThat(e.getValue().get().getClass().getAnnotation(Command.class).name()).isEqualTo(e.getKey());
        }
        assertThat(Main.COMMANDS.keySet()).containsExactly("scan", "self", "enroll", "run");
    }

    @Test
    void the_usage_help_without_a_command_still_lists_every_command() {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Main.execute(Map.of(), java.nio.file.Path.of("/nonexistent/daemon.conf"), "--help");
        } finally {
            System.setOut(old);
        }
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(help).contains("Commands:");
        for (String name : Main.COMMANDS.keySet()) {
            assertThat(help).containsPattern("(?m)^\\s+" + name + "\\s");
        }
    }
}
