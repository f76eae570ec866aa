package io.topograph.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The scan's quick command-line reader reads every command line it accepts exactly as picocli does. */
class ScanQuickParseTest {

    /** Every option field of the command, by name, as read by the quick reader or by picocli. */
    private static Map<String, Object> fields(ScanCommand c) throws IllegalAccessException {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Field f : ScanCommand.class.getDeclaredFields()) {
            if (f.isAnnotationPresent(CommandLine.Option.class)) {
                f.setAccessible(true);
                m.put(f.getName(), f.get(c));
            }
        }
        return m;
    }

    private static ScanCommand picocli(Settings settings, String... args) {
        ScanCommand c = new ScanCommand();
        CommandLine cli = new CommandLine(c);
        cli.setDefaultValueProvider(settings);
        cli.parseArgs(args);
        return c;
    }

    private static Settings settings(Map<String, String> env, Map<String, String> file) {
        Properties p = new Properties();
        p.putAll(file);
        return new Settings(env, p);
    }

    @Test
    void the_quick_reader_and_picocli_read_the_same_command_lines_alike() throws Exception {
        List<String[]> lines = List.of(
                new String[] {},
                new String[] {"--targets", "10.0.0.0/24", "--ports", "top100", "--format", "json"},
                new String[] {"--targets=127.0.0.1-20", "--rate=2000", "--no-rdns", "--no-udp", "--output", "out.json"},
                new String[] {"--concurrency", "64", "--timeout-ms", "500", "--retries", "0", "--read-timeout-ms", "100",
                    "--listen-ms", "0", "--force", "--include-printer-ports", "--no-discovery", "--no-evidence"},
                new String[] {"--catalog", "extra.json", "--oui-file", "oui.tsv", "--neighbour-table", "arp", "--docker-socket", "none"},
                new String[] {"--ports", "22,80,8000-8100", "--targets", ""});
        List<Settings> sources = List.of(
                settings(Map.of(), Map.of()),
                settings(Map.of("TOPOGRAPH_RATE", "2000", "TOPOGRAPH_NO_RDNS", "true", "TOPOGRAPH_TARGETS", "10.1.0.0/16"), Map.of()),
                settings(Map.of("TOPOGRAPH_FORMAT", "json"), Map.of("scan.timeout-ms", "700", "retries", "3", "TOPOGRAPH_NO_UDP", "\"TRUE\"",
                        "no-evidence", "false", "output", "/tmp/report.json")));
        int compared = 0;
        for (Settings s : sources) {
            for (String[] line : lines) {
                ScanCommand quick = ScanCommand.parseQuickly(line, s);
                assertThat(quick).as("read quickly: %s", Arrays.toString(line)).isNotNull();
                assertThat(fields(quick)).as("%s", Arrays.toString(line)).isEqualTo(fields(picocli(s, line)));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(18);
    }

    @Test
    void what_the_quick_reader_does_not_read_exactly_is_left_to_picocli() {
        Settings none = settings(Map.of(), Map.of());
        List<String[]> left = new ArrayList<>(List.of(
                new String[] {"--help"}, new String[] {"-h"}, new String[] {"--version"}, new String[] {"-V"},
                new String[] {"--rate", "1000", "--rate", "2000"}, // picocli refuses a repeated option
                new String[] {"--rate", "fast"}, new String[] {"--rate", "-5"}, new String[] {"--rate"},
                new String[] {"--no-rdns=true"}, new String[] {"--unknown"}, new String[] {"extra"},
                new String[] {"@args.txt"}, new String[] {"--", "--rate"}, new String[] {"--targets", "--no-rdns"}));
        for (String[] line : left) {
            assertThat(ScanCommand.parseQuickly(line, none)).as("%s", Arrays.toString(line)).isNull();
        }
        // a default that picocli would not convert is left to picocli too, which reports it
        assertThat(ScanCommand.parseQuickly(new String[] {}, settings(Map.of("TOPOGRAPH_RATE", "lots"), Map.of()))).isNull();
        assertThat(ScanCommand.parseQuickly(new String[] {}, settings(Map.of("TOPOGRAPH_NO_RDNS", "yes"), Map.of()))).isNull();
    }
}
