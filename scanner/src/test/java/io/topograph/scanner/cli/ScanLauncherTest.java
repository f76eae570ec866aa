package io.topograph.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar <jar> scan} as users run it: the scan is re-launched in a tuned JVM that writes its
 * class-data archive on the first scan and maps it on the next; the report on standard output is the
 * same either way, and TOPOGRAPH_RELAUNCH=0 runs it in the first JVM.
 */
class ScanLauncherTest {

    record Run(int code, String out, String err) {
    }

    /** A jar like topograph-daemon.jar: our classes inside, the libraries by Class-Path, Launch as Main-Class. */
    private static Path jar(Path dir) throws IOException {
        Path classes = Path.of(Launch.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<String> libraries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                libraries.add(Path.of(entry).toUri().toString());
            }
        }
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Launch.class.getName());
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", libraries));
        Path jar = dir.resolve("topograph-daemon.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m); Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Run run(Path jar, Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("TOPOGRAPH_") || k.startsWith("JDK_JAVA_OPTIONS") || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().put("TOPOGRAPH_CONFIG", ""); // not /etc/topograph-daemon/daemon.conf
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the scan ended").isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private static List<Path> archives(Path cache) throws IOException {
        Path dir = cache.resolve("topograph-daemon");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void a_scan_run_with_java_jar_writes_its_class_data_archive_once_then_maps_it_and_prints_the_same_report(@TempDir Path dir) throws Exception {
        Path jar = jar(dir);
        Path cache = dir.resolve("cache");
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.36.1"), 0));
            Thread t = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket c = listener.accept(); OutputStream out = c.getOutputStream()) {
                        out.write("SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException ignored) {
                        // next
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            String port = Integer.toString(listener.getLocalPort());
            String[] scan = {"scan", "--targets", "127.0.36.1", "--ports", port, "--format", "json", "--no-rdns", "--no-udp",
                "--neighbour-table", "/nonexistent", "--docker-socket", "none"};
            Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());

            Run first = run(jar, dir, env, scan);
            assertThat(first.code()).as(first.err()).isZero();
            List<Path> written = archives(cache);
            assertThat(written).as("one archive, no temporary file left").hasSize(1);
            assertThat(written.get(0).getFileName().toString()).startsWith("scan-").endsWith(".jsa");
            long size = Files.size(written.get(0));
            assertThat(size).isPositive();

            Run second = run(jar, dir, env, scan);
            assertThat(second.code()).as(second.err()).isZero();
            assertThat(archives(cache)).isEqualTo(written);

            Run direct = run(jar, dir, Map.of("XDG_CACHE_HOME", dir.resolve("cache-direct").toString(), "TOPOGRAPH_RELAUNCH", "0"), scan);
            assertThat(direct.code()).as(direct.err()).isZero();
            assertThat(archives(dir.resolve("cache-direct"))).as("the scan ran in the first JVM: no archive").isEmpty();

            // standard output is the report alone (no JVM messages), the same from all three
            ObjectMapper json = new ObjectMapper();
            for (Run r : List.of(first, second, direct)) {
                JsonNode report = json.readTree(r.out());
                JsonNode host = report.get("hosts").get(0);
                assertThat(host.get("ip").asText()).isEqualTo("127.0.36.1");
                assertThat(host.get("ports").get(0).get("port").asInt()).isEqualTo(listener.getLocalPort());
                assertThat(host.get("services").get(0).get("id").asText()).isEqualTo("openssh");
                assertThat(r.err()).as("nothing on standard error").isEmpty();
            }
        }
    }

    @Test
    void bad_options_are_answered_the_same_through_the_re_launch(@TempDir Path dir) throws Exception {
        Path jar = jar(dir);
        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
        Run bad = run(jar, dir, env, "scan", "--targets", "224.0.0.251");
        assertThat(bad.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(bad.err()).contains("multicast");
        Run unknown = run(jar, dir, env, "scan", "--no-such-option");
        assertThat(unknown.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(unknown.err()).contains("--no-such-option");
        Run version = run(jar, dir, env, "--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("topograph-daemon ");
    }
}
