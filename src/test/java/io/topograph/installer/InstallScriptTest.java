package io.topograph.installer;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The daemon installer, run for real with {@code sh} against a local HTTP server on 127.0.0.1
 * that serves the daemon jar, its checksum and the unit file exactly as the server bundles
 * them. Installs go into a temporary root ({@code --root}); stand-ins for systemctl, the user
 * tools, chown and the package managers sit first in PATH and record any call, so a test fails
 * if the installer would have touched the real system.
 */
class InstallScriptTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path INSTALLER_DIR = PROJECT.resolve("daemon-installer");
    private static final Path INSTALL_SH = INSTALLER_DIR.resolve("install.sh");
    private static final Path DAEMON_JAR = PROJECT.resolve("scanner/target/topograph-daemon.jar");
    private static final String DOWNLOADS = "/downloads/daemon/";
    private static final List<String> STAND_INS = List.of("systemctl", "useradd", "adduser", "addgroup", "groupadd",
            "userdel", "deluser", "chown", "apt-get", "dnf", "yum", "apk", "zypper");

    @TempDir
    Path work;

    private Path root;
    private Path tmp;
    private Path bin;
    private Path calls;
    private HttpServer server;
    private String base;
    private byte[] jar;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    private record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @BeforeEach
    void serve_the_daemon_downloads_on_loopback() throws IOException {
        if (!Files.isRegularFile(DAEMON_JAR)) {
            fail(DAEMON_JAR + " is missing: it is built by the build's initialize phase (./mvnw initialize)");
        }
        jar = Files.readAllBytes(DAEMON_JAR);
        servedJar(jar, sha256(jar));
        served.put("topograph-daemon.service", resource("daemon/topograph-daemon.service"));
        served.put("install.sh", resource("daemon/install.sh"));
        served.put("Containerfile", resource("daemon/Containerfile"));

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + path);
            byte[] body = path.startsWith(DOWNLOADS) ? served.get(path.substring(DOWNLOADS.length())) : null;
            try (exchange) {
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();

        root = Files.createDirectory(work.resolve("root"));
        tmp = Files.createDirectory(work.resolve("tmp"));
        bin = Files.createDirectory(work.resolve("bin"));
        calls = work.resolve("calls.log");
        Files.writeString(calls, "");
        for (String name : STAND_INS) {
            executable(bin.resolve(name), "#!/bin/sh\necho \"" + name + " $*\" >> '" + calls + "'\nexit 1\n");
        }
    }

    @AfterEach
    void stop_the_server() {
        if (server != null) {
            server.stop(0);
        }
    }

    // -----------------------------------------------------------------------------------------

    @Test
    void shellcheck_finds_nothing_to_report_in_install_sh() throws Exception {
        if (!onPath("shellcheck")) {
            fail("shellcheck is not installed, so install.sh cannot be checked: install it (apt-get install shellcheck; .ci/run does)");
        }
        Result r = run(List.of("shellcheck", "-s", "sh", INSTALL_SH.toString()), null);
        assertThat(r.exit()).as("shellcheck -s sh install.sh reported:\n%s", r.out() + r.err()).isZero();
    }

    @Test
    void the_server_bundles_the_installer_files_of_this_folder_unchanged() throws IOException {
        for (String name : List.of("install.sh", "topograph-daemon.service", "Containerfile")) {
            assertThat(resource("daemon/" + name)).as(name).isEqualTo(Files.readAllBytes(INSTALLER_DIR.resolve(name)));
        }
        assertThat(resource("daemon/topograph-daemon.jar")).as("bundled daemon jar").isEqualTo(jar);
    }

    @Test
    void an_install_into_a_temporary_root_downloads_verifies_and_configures_the_daemon() throws Exception {
        Result r = install("--server", base, "--token", "tge_test", "--no-start");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Checksum verified");
        assertThat(root.resolve("opt/topograph-daemon/topograph-daemon.jar")).hasBinaryContent(jar);

        Path conf = root.resolve("etc/topograph-daemon/daemon.conf");
        assertThat(Files.readAllLines(conf)).contains(
                "TOPOGRAPH_SERVER=" + base,
                "TOPOGRAPH_ENROLLMENT_TOKEN=tge_test",
                "TOPOGRAPH_STATE_DIR=/var/lib/topograph-daemon");
        assertThat(mode(conf)).isEqualTo("rw-------");
        assertThat(mode(conf.getParent())).isEqualTo("rwxr-x---");
        assertThat(mode(root.resolve("var/lib/topograph-daemon"))).isEqualTo("rwx------");

        Path unit = root.resolve("etc/systemd/system/topograph-daemon.service");
        List<String> lines = Files.readAllLines(unit);
        String java = javaTheInstallerPicks();
        assertThat(lines).contains(
                "User=topograph-daemon",
                "EnvironmentFile=/etc/topograph-daemon/daemon.conf",
                "ExecStart=" + java + " -XX:+ExitOnOutOfMemoryError -jar /opt/topograph-daemon/topograph-daemon.jar run",
                "Restart=on-failure",
                "StateDirectory=topograph-daemon",
                "AmbientCapabilities=CAP_NET_RAW",
                "CapabilityBoundingSet=CAP_NET_RAW",
                "NoNewPrivileges=yes",
                "ProtectSystem=strict",
                "KillSignal=SIGTERM",
                "TimeoutStopSec=15");
        // The served unit, with only the java of this machine put into ExecStart.
        assertThat(Files.readString(unit)).isEqualTo(servedUnit().replace("ExecStart=/usr/bin/java ", "ExecStart=" + java + " "));

        assertThat(requests).containsExactly(
                "GET " + DOWNLOADS + "topograph-daemon.jar.sha256",
                "GET " + DOWNLOADS + "topograph-daemon.jar",
                "GET " + DOWNLOADS + "topograph-daemon.service");
        assertNothingOutsideTheRootWasTouched();
    }

    @Test
    void a_second_identical_run_changes_nothing_and_succeeds() throws Exception {
        assertThat(install("--server", base, "--token", "tge_test", "--no-start").exit()).isZero();
        Map<String, String> before = snapshot(root);
        Thread.sleep(1100); // a rewrite would show in the modification times

        Result again = install("--server", base, "--token", "tge_test", "--no-start");

        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.out()).contains("nothing changed");
        assertThat(snapshot(root)).isEqualTo(before);
        assertThat(requests).as("the jar is downloaded only once").filteredOn(r -> r.endsWith(".jar")).hasSize(1);
        assertNothingOutsideTheRootWasTouched();
    }

    @Test
    void re_running_on_an_enrolled_daemon_keeps_its_state_and_other_settings() throws Exception {
        assertThat(install("--server", base, "--token", "tge_first", "--name", "rack-a", "--no-start").exit()).isZero();
        Path state = root.resolve("var/lib/topograph-daemon/daemon.json");
        Files.writeString(state, "{\"daemonId\":\"d1\",\"credential\":\"tgd_secret\"}");
        Path conf = root.resolve("etc/topograph-daemon/daemon.conf");
        Files.writeString(conf, Files.readString(conf) + "TOPOGRAPH_RATE=500\n");

        // No --server: the configured one is used; only the token is new.
        Result r = install("--token", "tge_second", "--default-targets", "192.168.1.0/24,10.0.0.1-10.0.0.9");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("already enrolled");
        assertThat(state).hasContent("{\"daemonId\":\"d1\",\"credential\":\"tgd_secret\"}");
        List<String> lines = Files.readAllLines(conf);
        assertThat(lines).contains("TOPOGRAPH_SERVER=" + base, "TOPOGRAPH_ENROLLMENT_TOKEN=tge_second",
                "TOPOGRAPH_DAEMON_NAME=rack-a", "TOPOGRAPH_DEFAULT_TARGETS=192.168.1.0/24,10.0.0.1-10.0.0.9",
                "TOPOGRAPH_RATE=500");
        assertThat(lines).doesNotContain("TOPOGRAPH_ENROLLMENT_TOKEN=tge_first");
        assertThat(lines.stream().filter(l -> l.startsWith("TOPOGRAPH_SERVER="))).hasSize(1);
        assertThat(mode(conf)).isEqualTo("rw-------");

        Result removeName = install("--name", "");
        assertThat(removeName.exit()).as(removeName.toString()).isZero();
        assertThat(Files.readAllLines(conf)).noneMatch(l -> l.startsWith("TOPOGRAPH_DAEMON_NAME")).contains("TOPOGRAPH_RATE=500");
    }

    @Test
    void a_tampered_checksum_fails_clearly_and_installs_nothing() throws Exception {
        servedJar(jar, "0".repeat(64));

        Result r = install("--server", base, "--token", "tge_test", "--no-start");

        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("checksum mismatch").contains("nothing was installed");
        assertThat(filesUnder(root)).isEmpty();
        assertNothingOutsideTheRootWasTouched();
    }

    @Test
    void a_damaged_upgrade_download_replaces_nothing() throws Exception {
        assertThat(install("--server", base, "--token", "tge_test", "--no-start").exit()).isZero();
        Map<String, String> before = snapshot(root);
        // The server publishes a new version's sum, but what arrives is damaged.
        byte[] newer = withExtraByte(jar);
        servedJar(withExtraByte(newer), sha256(newer));

        Result r = install("--server", base, "--token", "tge_other", "--no-start");

        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("checksum mismatch").contains("nothing was installed or replaced");
        assertThat(snapshot(root)).isEqualTo(before);
    }

    @Test
    void an_upgrade_replaces_the_jar_when_the_server_has_a_new_one() throws Exception {
        assertThat(install("--server", base, "--token", "tge_test", "--no-start").exit()).isZero();
        byte[] newer = withExtraByte(jar);
        servedJar(newer, sha256(newer));

        Result r = install("--no-start");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(root.resolve("opt/topograph-daemon/topograph-daemon.jar")).hasBinaryContent(newer);
        assertThat(Files.readAllLines(root.resolve("etc/topograph-daemon/daemon.conf"))).contains("TOPOGRAPH_ENROLLMENT_TOKEN=tge_test");
    }

    @Test
    void the_install_command_piped_into_sh_works_as_documented() throws Exception {
        // curl -fsSL <server>/downloads/daemon/install.sh | sh -s -- ...: the script comes from the server.
        Path script = work.resolve("downloaded-install.sh");
        Files.write(script, served.get("install.sh"));

        Result r = run(List.of("sh", "-s", "--", "--root", root.toString(), "--server", base, "--token", "tge_test"), script);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(root.resolve("opt/topograph-daemon/topograph-daemon.jar")).hasBinaryContent(jar);
        assertNothingOutsideTheRootWasTouched();
    }

    @Test
    void without_a_server_the_installer_answers_with_a_usage_error() throws Exception {
        Result r = install("--token", "tge_test", "--no-start");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--server is required");
        assertThat(filesUnder(root)).isEmpty();
        assertThat(requests).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--server ftp://example.invalid          | must be an http:// or https:// URL",
            "--server http://127.0.0.1/?x=1          | not a valid server URL",
            "--server                                | --server needs a value",
            "--server http://127.0.0.1 --token abc   | must be an enrollment token",
            "--server http://127.0.0.1 --name -x     | --name must be",
            "--server http://127.0.0.1 --default-targets 10.0.0.0/8;reboot | --default-targets must be",
            "--server http://127.0.0.1 --frobnicate  | unknown option: --frobnicate",
            "--server http://127.0.0.1 --purge       | --purge only goes with --uninstall",
            "--server http://127.0.0.1 --java java   | --java needs an absolute path",
            "--server http://127.0.0.1 --java /root/jdk/bin/java | cannot run a java under /home or /root",
    })
    void bad_input_is_refused_before_anything_is_written(String args, String message) throws Exception {
        Result r = install(args.trim().split(" +"));

        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("error: ").contains(message);
        assertThat(filesUnder(root)).isEmpty();
        assertThat(requests).isEmpty();
        assertNothingOutsideTheRootWasTouched();
    }

    @Test
    void a_java_older_than_17_is_refused_and_a_newer_one_goes_into_the_unit() throws Exception {
        Path java11 = executable(work.resolve("jdk11/bin/java"),
                "#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\n");
        Result old = install("--server", base, "--token", "tge_test", "--java", java11.toString());
        assertThat(old.exit()).isEqualTo(1);
        assertThat(old.err()).contains("is not a Java 17 or newer runtime");
        assertThat(filesUnder(root)).isEmpty();

        Path java21 = executable(work.resolve("jdk21/bin/java"),
                "#!/bin/sh\necho 'openjdk version \"21.0.2\" 2024-01-16' >&2\n");
        Result newer = install("--server", base, "--token", "tge_test", "--java", java21.toString());
        assertThat(newer.exit()).as(newer.toString()).isZero();
        assertThat(Files.readAllLines(root.resolve("etc/systemd/system/topograph-daemon.service")))
                .contains("ExecStart=" + java21 + " -XX:+ExitOnOutOfMemoryError -jar /opt/topograph-daemon/topograph-daemon.jar run");
        assertNothingOutsideTheRootWasTouched();
    }

    @Test
    void uninstall_keeps_the_enrollment_purge_removes_everything_and_both_are_idempotent() throws Exception {
        assertThat(install("--server", base, "--token", "tge_test", "--no-start").exit()).isZero();
        Files.writeString(root.resolve("var/lib/topograph-daemon/daemon.json"), "{}");
        int requestsBefore = requests.size();

        Result uninstall = install("--uninstall");
        assertThat(uninstall.exit()).as(uninstall.toString()).isZero();
        assertThat(filesUnder(root)).containsExactlyInAnyOrder("etc/topograph-daemon/daemon.conf", "var/lib/topograph-daemon/daemon.json");

        Result again = install("--uninstall");
        assertThat(again.exit()).as(again.toString()).isZero();

        Result purge = install("--uninstall", "--purge");
        assertThat(purge.exit()).as(purge.toString()).isZero();
        assertThat(filesUnder(root)).isEmpty();
        assertThat(root.resolve("etc/topograph-daemon")).doesNotExist();
        assertThat(root.resolve("var/lib/topograph-daemon")).doesNotExist();
        assertThat(root.resolve("opt/topograph-daemon")).doesNotExist();

        Result purgeAgain = install("--uninstall", "--purge");
        assertThat(purgeAgain.exit()).as(purgeAgain.toString()).isZero();
        assertThat(purgeAgain.out()).contains("nothing to remove");
        assertThat(requests).as("uninstalling needs no server").hasSize(requestsBefore);
        assertNothingOutsideTheRootWasTouched();
    }

    @Test
    void the_installed_unit_passes_systemd_analyze_verify() throws Exception {
        assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed: the unit file was not verified");
        assertThat(install("--server", base, "--token", "tge_test", "--no-start").exit()).isZero();
        Path unit = root.resolve("etc/systemd/system/topograph-daemon.service");

        Result r = run(List.of("systemd-analyze", "verify", unit.toString()), null);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out() + r.err()).as("systemd-analyze verify warnings").doesNotContain("topograph-daemon.service");
    }

    @Test
    void the_containerfile_checks_the_jar_and_runs_the_daemon_unprivileged() throws IOException {
        String containerfile = Files.readString(INSTALLER_DIR.resolve("Containerfile"));
        List<String> instructions = containerfile.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();

        assertThat(instructions.get(0)).startsWith("FROM eclipse-temurin:17-jre");
        assertThat(instructions).contains("ARG SERVER", "VOLUME /var/lib/topograph-daemon", "USER topograph-daemon",
                "ADD ${SERVER}/downloads/daemon/topograph-daemon.jar /opt/topograph-daemon/topograph-daemon.jar",
                "ADD ${SERVER}/downloads/daemon/topograph-daemon.jar.sha256 /opt/topograph-daemon/topograph-daemon.jar.sha256",
                "ENTRYPOINT [\"java\", \"-XX:+ExitOnOutOfMemoryError\", \"-jar\", \"/opt/topograph-daemon/topograph-daemon.jar\", \"run\"]");
        assertThat(containerfile).contains("sha256sum topograph-daemon.jar").contains("exit 1");
        // The checksum is checked before the user exists and before USER drops root.
        assertThat(containerfile.indexOf("sha256sum")).isLessThan(containerfile.indexOf("USER topograph-daemon"));
        assertThat(instructions.stream().filter(l -> l.startsWith("USER ")).toList()).containsExactly("USER topograph-daemon");
    }

    // -----------------------------------------------------------------------------------------

    private Result install(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", INSTALL_SH.toString(), "--root", root.toString()));
        command.addAll(List.of(args));
        return run(command, null);
    }

    private Result run(List<String> command, Path stdin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        Map<String, String> env = pb.environment();
        // Never through a proxy: the only server these tests talk to is on 127.0.0.1.
        for (String proxy : List.of("http_proxy", "https_proxy", "all_proxy", "ftp_proxy")) {
            env.remove(proxy);
            env.remove(proxy.toUpperCase());
        }
        env.put("no_proxy", "127.0.0.1,localhost");
        env.put("NO_PROXY", "127.0.0.1,localhost");
        env.put("TMPDIR", tmp.toString());
        env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null")) : ProcessBuilder.Redirect.from(stdin.toFile()));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within 120 s");
        }
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /** The stand-ins were never called, and the installer left no temp file behind. */
    private void assertNothingOutsideTheRootWasTouched() throws IOException {
        assertThat(Files.readString(calls)).as("commands the installer must not run in --root mode").isEmpty();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.toList()).as("temp files left behind").isEmpty();
        }
    }

    /** The java the installer finds first on this machine (it writes that path into ExecStart). */
    private String javaTheInstallerPicks() throws IOException, InterruptedException {
        Result r = run(List.of("sh", "-c", "command -v java"), null);
        String onPath = r.out().trim();
        return onPath.startsWith("/") ? onPath : "/usr/bin/java";
    }

    private void servedJar(byte[] content, String sha) {
        served.put("topograph-daemon.jar", content);
        served.put("topograph-daemon.jar.sha256", (sha + "  topograph-daemon.jar\n").getBytes(StandardCharsets.US_ASCII));
    }

    private String servedUnit() {
        return new String(served.get("topograph-daemon.service"), StandardCharsets.UTF_8);
    }

    private static byte[] withExtraByte(byte[] bytes) {
        byte[] copy = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        copy[bytes.length] = '\n';
        return copy;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = InstallScriptTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                fail("classpath resource " + name + " is missing: the server build bundles daemon-installer/ under daemon/");
            }
            return in.readAllBytes();
        }
    }

    private static boolean onPath(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", "command -v \"$0\"", command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    private static Path executable(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static String mode(Path path) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        return PosixFilePermissions.toString(permissions);
    }

    /** Regular files under {@code dir}, relative. */
    private static List<String> filesUnder(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /** Every path under {@code dir} with its kind, mode, modification time and content hash. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            all.forEach(p -> {
                try {
                    String what = Files.isDirectory(p) ? "dir" : "file " + sha256(Files.readAllBytes(p));
                    out.put(dir.relativize(p).toString(), what + " " + mode(p) + " " + Files.getLastModifiedTime(p).toMillis());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
