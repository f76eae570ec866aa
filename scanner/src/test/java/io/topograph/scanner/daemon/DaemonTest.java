package io.topograph.scanner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.topograph.scanner.daemon.ScriptedServer.Reply;
import io.topograph.scanner.daemon.ScriptedServer.Request;
import io.topograph.scanner.engine.ScanOptions;
import io.topograph.scanner.engine.Scanner;
import io.topograph.scanner.evidence.HostnameResolver;
import io.topograph.scanner.lab.WebServers;
import io.topograph.scanner.model.ScanReport;
import io.topograph.scanner.target.TargetParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's behaviour against a scripted stand-in server on 127.0.0.1; every scan stays on 127.0.0.0/8. */
class DaemonTest {

    private static final String CREDENTIAL = "tgd_test-credential-4f1c9a";
    private static final Reply PROGRESS_OK = Reply.json(200, "{\"cancel\":false}");
    private static final Reply ACCEPTED = Reply.json(200, "{\"accepted\":true,\"duplicate\":false,\"hosts\":1}");
    private static final Reply SUCCEEDED = Reply.json(200, "{\"state\":\"SUCCEEDED\"}");
    private static final Reply FAILED = Reply.json(200, "{\"state\":\"FAILED\"}");

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<Daemon> daemons = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (Daemon d : daemons) {
            d.stop(Duration.ofSeconds(5));
        }
        for (AutoCloseable c : resources) {
            c.close();
        }
    }

    private static String claim(String runId, String targetsJson, String ports, int timeoutMs, String customDefinitions) {
        return "{\"run\":{\"id\":\"" + runId + "\",\"attempt\":1,\"targets\":" + targetsJson + ",\"ports\":\"" + ports + "\","
                + "\"options\":{\"ratePerSecond\":5000,\"timeoutMs\":" + timeoutMs + ",\"udp\":false,\"printerPorts\":false},"
                + "\"customDefinitions\":" + customDefinitions + ",\"leaseSeconds\":90}}";
    }

    /** The first claim gets the run, later ones nothing. */
    private static Reply firstClaim(int nth, String run) {
        return nth == 1 ? Reply.json(200, run) : ScriptedServer.NO_WORK;
    }

    private ScriptedServer server(ScriptedServer.Script script) throws IOException {
        ScriptedServer s = new ScriptedServer(script);
        resources.add(s);
        return s;
    }

    private Daemon start(ScriptedServer server, UnaryOperator<DaemonConfig> tweak) throws IOException {
        Path state = dir.resolve("state");
        ScriptedServer.enrolled(state, server.url(), CREDENTIAL);
        DaemonConfig config = tweak.apply(DaemonConfig.of(server.url(), null, state)
                .withMaxHeartbeatInterval(Duration.ofMillis(200)).withReverseDns(false));
        Daemon d = new Daemon(config, log::add);
        daemons.add(d);
        d.start();
        return d;
    }

    /** A listener whose accept queue is full: connects to it get no answer, so a scan of it hangs (timeoutMs). */
    private int hangingPort(String address) throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getByName(address), 0), 1);
        resources.add(s);
        for (int i = 0; i < 4; i++) {
            Socket f = new Socket();
            try {
                f.connect(new InetSocketAddress(s.getInetAddress(), s.getLocalPort()), 300);
                resources.add(0, f);
            } catch (IOException e) {
                f.close();
            }
        }
        return s.getLocalPort();
    }

    private static boolean scanThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("topograph-daemon-scan") && t.isAlive());
    }

    private static List<Request> forRun(ScriptedServer s, String runId, String what) {
        return s.requests().stream().filter(r -> r.path().contains("/runs/" + runId + "/" + what)).toList();
    }

    @Test
    void server_trouble_is_retried_with_growing_delays_and_the_same_batch_is_sent_again() throws Exception {
        ScriptedServer s = server((path, nth, r) -> {
            if (path.equals("/heartbeat")) {
                return nth == 1 ? Reply.LOSE : nth == 2 ? Reply.json(503, "{\"message\":\"starting\",\"errors\":[]}") : ScriptedServer.HEARTBEAT_OK;
            }
            if (path.equals("/work/claim")) {
                return firstClaim(nth, claim("r-outage", "[\"127.0.34.1\"]", "9", 1000, "[]"));
            }
            if (path.endsWith("/progress")) {
                return PROGRESS_OK;
            }
            if (path.endsWith("/batches/0")) {
                return nth <= 2 ? Reply.json(503, "{\"message\":\"database restarting\",\"errors\":[]}") : ACCEPTED;
            }
            return path.endsWith("/complete") ? SUCCEEDED : null;
        });
        start(s, c -> c);
        Request complete = s.await(r -> r.path().endsWith("/runs/r-outage/complete"), Duration.ofSeconds(20), "complete");

        List<Request> heartbeats = s.requests("/heartbeat");
        Request firstClaim = s.requests("/work/claim").get(0);
        assertThat(firstClaim.atNanos()).as("no claim before a heartbeat got through").isGreaterThan(heartbeats.get(2).atNanos());
        // 1 s then 2 s, each ±25 %: the lower bounds prove the back-off, the upper ones leave room for a busy machine
        assertThat(ms(heartbeats.get(1).atNanos() - heartbeats.get(0).atNanos())).isBetween(700L, 2500L);
        assertThat(ms(heartbeats.get(2).atNanos() - heartbeats.get(1).atNanos())).isBetween(1400L, 4000L);

        List<Request> batches = forRun(s, "r-outage", "batches/0");
        assertThat(batches).hasSize(3);
        assertThat(batches).extracting(Request::text).containsOnly(batches.get(0).text());
        assertThat(batches.get(0).body().get("hosts")).hasSize(1);
        assertThat(batches.get(0).body().get("hosts").get(0).get("ip").asText()).isEqualTo("127.0.34.1");
        assertThat(ms(batches.get(1).atNanos() - batches.get(0).atNanos())).isBetween(700L, 2500L);
        assertThat(ms(batches.get(2).atNanos() - batches.get(1).atNanos())).isBetween(1400L, 4000L);
        assertThat(forRun(s, "r-outage", "batches/1")).isEmpty();
        assertThat(complete.body().get("batches").asInt()).isEqualTo(1);
        assertThat(log).anyMatch(l -> l.contains("batch 0") && l.contains("answered 503: database restarting") && l.contains("retrying in"));
        assertThat(log).anyMatch(l -> l.contains("heartbeat") && l.contains("no answer from the server"));
        assertThat(log).anyMatch(l -> l.contains("server reachable again"));
        assertThat(s.requests()).allMatch(r -> ("Bearer " + CREDENTIAL).equals(r.authorization()));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    @Test
    void stopping_a_running_daemon_reports_its_run_as_failed_within_five_seconds() throws Exception {
        int port = hangingPort("127.0.34.2");
        ScriptedServer s = server((path, nth, r) -> switch (path) {
            case "/heartbeat" -> ScriptedServer.HEARTBEAT_OK;
            case "/work/claim" -> firstClaim(nth, claim("r-stop", "[\"127.0.34.2\"]", String.valueOf(port), 30_000, "[]"));
            case "/runs/r-stop/progress" -> PROGRESS_OK;
            case "/runs/r-stop/fail" -> FAILED;
            default -> null;
        });
        Daemon d = start(s, c -> c);
        s.await(r -> r.path().endsWith("/runs/r-stop/progress"), Duration.ofSeconds(10), "progress");
        assertThat(scanThreadAlive()).as("the scan is running").isTrue();

        long t0 = System.nanoTime();
        assertThat(d.stop(Daemon.STOP_GRACE)).as("stopped in time").isTrue();
        assertThat(ms(System.nanoTime() - t0)).isLessThan(5000);
        assertThat(d.exitCode()).isEqualTo(Daemon.EXIT_OK);
        List<Request> fails = forRun(s, "r-stop", "fail");
        assertThat(fails).hasSize(1);
        assertThat(fails.get(0).body().get("reason").asText()).isEqualTo("daemon stopped");
        assertThat(forRun(s, "r-stop", "batches")).isEmpty();
        assertThat(forRun(s, "r-stop", "complete")).isEmpty();
        Thread.sleep(300);
        assertThat(scanThreadAlive()).as("the scan stopped").isFalse();
        assertThat(log).contains("stopping", "run r-stop reported as failed: daemon stopped", "stopped");
    }

    @Test
    void a_disabled_daemon_keeps_heartbeating_and_claims_nothing_until_it_is_enabled_again() throws Exception {
        ScriptedServer s = server((path, nth, r) -> switch (path) {
            case "/heartbeat" -> nth <= 3 ? Reply.json(403, "{\"message\":\"daemon disabled\",\"errors\":[]}") : ScriptedServer.HEARTBEAT_OK;
            case "/work/claim" -> ScriptedServer.NO_WORK;
            default -> null;
        });
        Daemon d = start(s, c -> c);
        Request claim = s.await(r -> r.path().endsWith("/work/claim"), Duration.ofSeconds(10), "claim");
        List<Request> heartbeats = s.requests("/heartbeat");
        assertThat(heartbeats.size()).isGreaterThanOrEqualTo(4);
        assertThat(claim.atNanos()).as("the first claim follows the first accepted heartbeat").isGreaterThan(heartbeats.get(3).atNanos());
        assertThat(d.isRunning()).isTrue();
        assertThat(log.stream().filter(l -> l.contains("disabled (403: daemon disabled)"))).hasSize(1);
        assertThat(log).anyMatch(l -> l.contains("enabled this daemon again"));
    }

    @Test
    void a_cancel_in_the_progress_answer_stops_the_scan_at_once_and_nothing_more_is_sent_for_the_run() throws Exception {
        int port = hangingPort("127.0.34.3");
        ScriptedServer s = server((path, nth, r) -> switch (path) {
            case "/heartbeat" -> ScriptedServer.HEARTBEAT_OK;
            case "/work/claim" -> firstClaim(nth, claim("r-cancel", "[\"127.0.34.3\"]", String.valueOf(port), 30_000, "[]"));
            case "/runs/r-cancel/progress" -> Reply.json(200, "{\"cancel\":true}");
            default -> null;
        });
        start(s, c -> c);
        Request cancel = s.await(r -> r.path().endsWith("/runs/r-cancel/progress"), Duration.ofSeconds(10), "progress");
        Request idle = s.await(r -> r.path().endsWith("/heartbeat") && r.atNanos() > cancel.atNanos()
                && r.body().get("state").asText().equals("IDLE") && r.body().get("activeRunId").isNull(), Duration.ofSeconds(5), "an idle heartbeat");
        assertThat(ms(idle.atNanos() - cancel.atNanos())).isLessThan(3000); // the scan alone would take 60 s
        assertThat(scanThreadAlive()).isFalse();
        Thread.sleep(500);
        assertThat(s.requests().stream().filter(r -> r.path().contains("/runs/r-cancel/")).map(Request::path))
                .containsOnly("/api/daemon/v1/runs/r-cancel/progress");
        assertThat(forRun(s, "r-cancel", "progress")).hasSize(1);
        assertThat(log).anyMatch(l -> l.contains("run r-cancel cancelled by a user"));
    }

    @Test
    void a_cancel_in_the_heartbeat_answer_stops_the_run_the_heartbeat_reported() throws Exception {
        int port = hangingPort("127.0.34.4");
        ScriptedServer s = server((path, nth, r) -> switch (path) {
            case "/heartbeat" -> "r-hb".equals(r.body().path("activeRunId").asText(null))
                    ? Reply.json(200, "{\"heartbeatSeconds\":30,\"workAvailable\":false,\"cancelRunIds\":[\"r-hb\"]}")
                    : ScriptedServer.HEARTBEAT_OK;
            case "/work/claim" -> firstClaim(nth, claim("r-hb", "[\"127.0.34.4\"]", String.valueOf(port), 30_000, "[]"));
            case "/runs/r-hb/progress" -> PROGRESS_OK;
            default -> null;
        });
        start(s, c -> c);
        Request scanning = s.await(r -> r.path().endsWith("/heartbeat") && r.body().get("state").asText().equals("SCANNING"),
                Duration.ofSeconds(10), "a heartbeat while scanning");
        assertThat(scanning.body().get("activeRunId").asText()).isEqualTo("r-hb");
        s.await(r -> r.path().endsWith("/heartbeat") && r.atNanos() > scanning.atNanos() && r.body().get("state").asText().equals("IDLE"),
                Duration.ofSeconds(3), "an idle heartbeat after the cancel");
        assertThat(scanThreadAlive()).isFalse();
        assertThat(forRun(s, "r-hb", "batches")).isEmpty();
        assertThat(forRun(s, "r-hb", "complete")).isEmpty();
        assertThat(forRun(s, "r-hb", "fail")).isEmpty();
    }

    @Test
    void own_definitions_from_the_claim_name_a_service_the_bundled_catalog_calls_a_generic_web_server() throws Exception {
        HttpServer web = WebServers.http("127.0.35.1", 35000, 35009, Map.of("/", WebServers.page(200, "Acme Widget Console", Map.of())));
        resources.add(() -> web.stop(0));
        int port = web.getAddress().getPort();
        ScanReport bundledOnly = new Scanner(ScanOptions.defaults().withResolver(HostnameResolver.NONE).withUdpProbes(Map.of())
                .withNeighbourTable(null).withReadTimeouts(1000, 300)).scan(new TargetParser().parse("127.0.35.1"), new int[] {port}, null);
        assertThat(bundledOnly.hosts().get(0).services()).extracting(ScanReport.Service::id).containsExactly("http");

        String own = "[{\"id\":\"acme-widgets\",\"name\":\"Acme Widget Console\",\"description\":\"our own\",\"category\":\"custom\","
                + "\"icon\":\"box\",\"match\":{\"httpTitle\":\"^Acme Widget\"},\"priority\":0}]";
        ScriptedServer s = server((path, nth, r) -> switch (path) {
            case "/heartbeat" -> ScriptedServer.HEARTBEAT_OK;
            case "/work/claim" -> firstClaim(nth, claim("r-own", "[\"127.0.35.1\"]", String.valueOf(port), 1000, own));
            case "/runs/r-own/progress" -> PROGRESS_OK;
            case "/runs/r-own/batches/0" -> ACCEPTED;
            case "/runs/r-own/complete" -> SUCCEEDED;
            default -> null;
        });
        start(s, c -> c);
        s.await(r -> r.path().endsWith("/runs/r-own/complete"), Duration.ofSeconds(15), "complete");
        JsonNode host = forRun(s, "r-own", "batches/0").get(0).body().get("hosts").get(0);
        assertThat(host.get("ip").asText()).isEqualTo("127.0.35.1");
        assertThat(host.get("services")).hasSize(1);
        JsonNode service = host.get("services").get(0);
        assertThat(service.get("id").asText()).isEqualTo("acme-widgets");
        assertThat(service.get("name").asText()).isEqualTo("Acme Widget Console");
        assertThat(service.get("port").asInt()).isEqualTo(port);
        assertThat(service.get("reason").asText()).contains("Acme Widget Console");
    }

    @Test
    void a_run_without_targets_scans_the_default_targets_and_never_the_daemons_subnets() throws Exception {
        ScriptedServer s = server((path, nth, r) -> switch (path) {
            case "/heartbeat" -> ScriptedServer.HEARTBEAT_OK;
            case "/work/claim" -> firstClaim(nth, claim("r-default", "[]", "9", 1000, "[]"));
            case "/runs/r-default/progress" -> PROGRESS_OK;
            case "/runs/r-default/batches/0" -> ACCEPTED;
            case "/runs/r-default/complete" -> SUCCEEDED;
            default -> null;
        });
        start(s, c -> c.withDefaultTargets("127.0.34.9"));
        s.await(r -> r.path().endsWith("/runs/r-default/complete"), Duration.ofSeconds(15), "complete");
        List<String> ips = new ArrayList<>();
        forRun(s, "r-default", "batches/").forEach(b -> b.body().get("hosts").forEach(h -> ips.add(h.get("ip").asText())));
        assertThat(ips).containsExactly("127.0.34.9");
        assertThat(log).anyMatch(l -> l.contains("targets 127.0.34.9 (the default targets)"));
        assertThat(DaemonConfig.of(s.url(), null, dir).defaultTargets()).isEqualTo("127.0.0.1");
    }

    private ScriptedServer simpleRun(String runId, String targetsJson) throws IOException {
        return server((path, nth, r) -> {
            if (path.equals("/heartbeat")) {
                return ScriptedServer.HEARTBEAT_OK;
            }
            if (path.equals("/work/claim")) {
                return firstClaim(nth, claim(runId, targetsJson, "9", 1000, "[]"));
            }
            if (path.contains("/batches/")) {
                return ACCEPTED;
            }
            return path.endsWith("/progress") ? PROGRESS_OK : path.endsWith("/complete") ? SUCCEEDED : null;
        });
    }

    private static Map<String, JsonNode> hostsByIp(ScriptedServer s, String runId) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        forRun(s, runId, "batches/").forEach(b -> b.body().get("hosts").forEach(h -> out.put(h.get("ip").asText(), h)));
        return out;
    }

    @Test
    void the_daemon_attaches_the_docker_inventory_of_a_stand_in_engine_to_its_own_host_only() throws Exception {
        Path socket = dir.resolve("docker.sock");
        List<String> engineRequests = new CopyOnWriteArrayList<>();
        Thread engine = io.topograph.scanner.host.FakeDockerEngine.start(socket, engineRequests);
        ScriptedServer s = simpleRun("r-docker", "[\"127.0.0.1\",\"127.0.34.12\"]");
        start(s, c -> c.withDockerSocket(socket));
        Request complete = s.await(r -> r.path().endsWith("/runs/r-docker/complete"), Duration.ofSeconds(20), "complete");
        engine.join(5000);

        assertThat(engineRequests).as("read once per run, GETs only").containsExactly("GET /containers/json?all=1 HTTP/1.0", "GET /networks HTTP/1.0");
        Map<String, JsonNode> hosts = hostsByIp(s, "r-docker");
        assertThat(hosts).containsOnlyKeys("127.0.0.1", "127.0.34.12");
        assertThat(hosts.get("127.0.34.12").has("docker")).as("127.0.34.12 is not an address of this machine").isFalse();
        JsonNode docker = hosts.get("127.0.0.1").get("docker");
        assertThat(docker).isNotNull();
        assertThat(docker.get("containers")).hasSize(2);
        JsonNode grafana = docker.get("containers").get(0);
        assertThat(grafana.get("id").asText()).isEqualTo("3f4e1b2c9d8a");
        assertThat(grafana.get("name").asText()).isEqualTo("grafana");
        assertThat(grafana.get("image").asText()).isEqualTo("grafana/grafana:11.1.0");
        assertThat(grafana.get("state").asText()).isEqualTo("running");
        assertThat(grafana.get("ports").get(0).toString())
                .isEqualTo("{\"containerPort\":3000,\"protocol\":\"tcp\",\"hostIp\":\"0.0.0.0\",\"hostPort\":3000}");
        assertThat(grafana.get("ports").get(1).get("hostPort").isNull()).isTrue();
        assertThat(grafana.get("networks").get(0).toString())
                .isEqualTo("{\"network\":\"monitoring\",\"ip\":\"172.20.0.3\",\"mac\":\"02:42:ac:14:00:03\"}");
        assertThat(docker.get("networks").get(0).toString())
                .isEqualTo("{\"id\":\"9b8a7c6d5e4f\",\"name\":\"monitoring\",\"driver\":\"bridge\",\"subnets\":[\"172.20.0.0/16\"]}");
        assertThat(complete.body().get("warnings").toString()).doesNotContain("Docker");
    }

    @Test
    void a_daemon_without_a_docker_socket_sends_no_docker_field_and_no_warning() throws Exception {
        ScriptedServer s = simpleRun("r-nodocker", "[\"127.0.0.1\"]");
        start(s, c -> c.withDockerSocket(dir.resolve("absent.sock")));
        Request complete = s.await(r -> r.path().endsWith("/runs/r-nodocker/complete"), Duration.ofSeconds(20), "complete");
        assertThat(hostsByIp(s, "r-nodocker")).containsOnlyKeys("127.0.0.1");
        assertThat(hostsByIp(s, "r-nodocker").get("127.0.0.1").has("docker")).isFalse();
        assertThat(complete.body().get("warnings").toString()).doesNotContain("Docker");
        assertThat(log).noneMatch(l -> l.contains("Docker"));
    }

    @Test
    void a_docker_socket_that_exists_but_cannot_be_read_is_named_in_the_runs_warnings() throws Exception {
        Path notASocket = java.nio.file.Files.writeString(dir.resolve("docker.sock"), "not a socket");
        ScriptedServer s = simpleRun("r-baddocker", "[\"127.0.0.1\"]");
        start(s, c -> c.withDockerSocket(notASocket));
        Request complete = s.await(r -> r.path().endsWith("/runs/r-baddocker/complete"), Duration.ofSeconds(20), "complete");
        assertThat(hostsByIp(s, "r-baddocker").get("127.0.0.1").has("docker")).isFalse();
        assertThat(complete.body().get("warnings").toString()).contains("Docker socket " + notASocket + " could not be read");
    }

    @Test
    void the_docker_socket_setting_defaults_to_the_usual_socket_and_none_turns_it_off() {
        assertThat(DaemonConfig.dockerSocket(null)).isEqualTo(Path.of("/var/run/docker.sock"));
        assertThat(DaemonConfig.dockerSocket("none")).isNull();
        assertThat(DaemonConfig.dockerSocket("/run/user/1000/docker.sock")).isEqualTo(Path.of("/run/user/1000/docker.sock"));
        assertThat(DaemonConfig.fromMap(Map.of("stateDir", dir.toString(), "dockerSocket", "none")).dockerSocket()).isNull();
        assertThat(DaemonConfig.fromMap(Map.of("stateDir", dir.toString())).dockerSocket()).isEqualTo(Path.of("/var/run/docker.sock"));
    }

    @Test
    void more_than_500_hosts_go_in_numbered_batches_of_at_most_500() throws Exception {
        ScriptedServer s = server((path, nth, r) -> {
            if (path.equals("/heartbeat")) {
                return ScriptedServer.HEARTBEAT_OK;
            }
            if (path.equals("/work/claim")) {
                return firstClaim(nth, claim("r-big", "[\"127.0.36.0/23\"]", "9", 1000, "[]"));
            }
            if (path.contains("/batches/")) {
                return ACCEPTED;
            }
            return path.endsWith("/progress") ? PROGRESS_OK : path.endsWith("/complete") ? SUCCEEDED : null;
        });
        start(s, c -> c);
        Request complete = s.await(r -> r.path().endsWith("/runs/r-big/complete"), Duration.ofSeconds(30), "complete");
        assertThat(forRun(s, "r-big", "batches/")).extracting(Request::path)
                .containsExactly("/api/daemon/v1/runs/r-big/batches/0", "/api/daemon/v1/runs/r-big/batches/1");
        assertThat(forRun(s, "r-big", "batches/0").get(0).body().get("hosts")).hasSize(500);
        assertThat(forRun(s, "r-big", "batches/1").get(0).body().get("hosts")).hasSize(10);
        Set<String> ips = new HashSet<>();
        forRun(s, "r-big", "batches/").forEach(b -> b.body().get("hosts").forEach(h -> ips.add(h.get("ip").asText())));
        assertThat(ips).hasSize(510).allMatch(ip -> ip.startsWith("127.0.36.") || ip.startsWith("127.0.37."));
        assertThat(complete.body().get("batches").asInt()).isEqualTo(2);
        assertThat(complete.body().get("stats").get("hostsUp").asInt()).isEqualTo(510);
    }

    @Test
    void batches_the_server_misses_at_completion_are_sent_again_before_completing_again() throws Exception {
        ScriptedServer s = server((path, nth, r) -> switch (path) {
            case "/heartbeat" -> ScriptedServer.HEARTBEAT_OK;
            case "/work/claim" -> firstClaim(nth, claim("r-missing", "[\"127.0.34.5\"]", "9", 1000, "[]"));
            case "/runs/r-missing/progress" -> PROGRESS_OK;
            case "/runs/r-missing/batches/0" -> nth == 1 ? ACCEPTED : Reply.json(200, "{\"accepted\":true,\"duplicate\":false,\"hosts\":1}");
            case "/runs/r-missing/complete" -> nth == 1 ? Reply.json(409, "{\"message\":\"missing batches: 0\",\"errors\":[]}") : SUCCEEDED;
            default -> null;
        });
        start(s, c -> c);
        s.await(r -> r.path().endsWith("/runs/r-missing/complete") && s.requests("/runs/r-missing/complete").size() == 2,
                Duration.ofSeconds(15), "a second complete");
        List<Request> runCalls = s.requests().stream().filter(r -> r.path().contains("/runs/r-missing/") && !r.path().endsWith("/progress")).toList();
        assertThat(runCalls).extracting(r -> r.path().substring(r.path().lastIndexOf("r-missing/") + 10))
                .containsExactly("batches/0", "complete", "batches/0", "complete");
        assertThat(runCalls.get(2).text()).isEqualTo(runCalls.get(0).text());
        assertThat(log).anyMatch(l -> l.contains("misses batches [0]"));
        assertThat(forRun(s, "r-missing", "fail")).isEmpty();
    }

    @Test
    void a_run_the_server_no_longer_has_is_dropped_without_reporting_anything() throws Exception {
        ScriptedServer s = server((path, nth, r) -> switch (path) {
            case "/heartbeat" -> ScriptedServer.HEARTBEAT_OK;
            case "/work/claim" -> firstClaim(nth, claim("r-gone", "[\"127.0.34.6\"]", "9", 1000, "[]"));
            case "/runs/r-gone/progress" -> Reply.json(404, "{\"message\":\"run not found\",\"errors\":[]}");
            default -> null;
        });
        start(s, c -> c);
        s.await(r -> r.path().endsWith("/work/claim") && s.requests("/work/claim").size() >= 2, Duration.ofSeconds(10), "the next claim");
        assertThat(s.requests().stream().filter(r -> r.path().contains("/runs/r-gone/")).map(Request::path))
                .containsExactly("/api/daemon/v1/runs/r-gone/progress");
        assertThat(log).anyMatch(l -> l.contains("run r-gone dropped") && l.contains("404: run not found"));
    }

    @Test
    void a_run_with_targets_the_scanner_refuses_fails_with_the_reason() throws Exception {
        ScriptedServer s = server((path, nth, r) -> switch (path) {
            case "/heartbeat" -> ScriptedServer.HEARTBEAT_OK;
            case "/work/claim" -> firstClaim(nth, claim("r-bad", "[\"224.0.0.1\"]", "9", 1000, "[]"));
            case "/runs/r-bad/fail" -> FAILED;
            default -> null;
        });
        start(s, c -> c);
        Request fail = s.await(r -> r.path().endsWith("/runs/r-bad/fail"), Duration.ofSeconds(10), "fail");
        assertThat(fail.body().get("reason").asText()).startsWith("targets refused: ").contains("224.0.0.1").contains("multicast");
        assertThat(s.requests().stream().filter(r -> r.path().contains("/runs/r-bad/")).map(Request::path))
                .containsExactly("/api/daemon/v1/runs/r-bad/fail");
    }

    @Test
    void a_refused_credential_stops_the_daemon_with_the_re_enroll_exit_code() throws Exception {
        ScriptedServer s = server((path, nth, r) -> Reply.json(401, "{\"message\":\"credential unknown\",\"errors\":[]}"));
        Daemon d = start(s, c -> c);
        assertThat(d.awaitExit()).isEqualTo(Daemon.EXIT_REFUSED);
        assertThat(s.requests()).extracting(Request::path).containsExactly("/api/daemon/v1/heartbeat");
        assertThat(log).anyMatch(l -> l.contains("refused this daemon's credential (401: credential unknown)") && l.contains("Enroll again"));
        assertThat(log).noneMatch(l -> l.contains(CREDENTIAL));
    }

    @Test
    void a_batch_the_server_finds_too_large_is_split_and_numbering_goes_on_from_there() throws Exception {
        ScriptedServer s = server((path, nth, r) -> {
            if (path.equals("/heartbeat")) {
                return ScriptedServer.HEARTBEAT_OK;
            }
            if (path.equals("/work/claim")) {
                return firstClaim(nth, claim("r-split", "[\"127.0.34.16-127.0.34.27\"]", "9", 1000, "[]"));
            }
            if (path.contains("/batches/")) {
                return r.body().get("hosts").size() > 5 ? Reply.json(413, "{\"message\":\"batch too large\",\"errors\":[]}") : ACCEPTED;
            }
            return path.endsWith("/progress") ? PROGRESS_OK : path.endsWith("/complete") ? SUCCEEDED : null;
        });
        start(s, c -> c);
        Request complete = s.await(r -> r.path().endsWith("/runs/r-split/complete"), Duration.ofSeconds(15), "complete");
        List<String> sent = forRun(s, "r-split", "batches/").stream()
                .map(r -> r.path().substring(r.path().lastIndexOf('/') + 1) + ":" + r.body().get("hosts").size()).toList();
        assertThat(sent).containsExactly("0:12", "0:6", "0:3", "1:3", "2:3", "3:3");
        assertThat(complete.body().get("batches").asInt()).isEqualTo(4);
    }

    @Test
    void versions_compare_by_their_numbers() {
        assertThat(Version.older("0.9.2", "0.10.0")).isTrue();
        assertThat(Version.older("0.10.0", "0.9.2")).isFalse();
        assertThat(Version.older("0.1.0", "0.1.0")).isFalse();
        assertThat(Version.older("0.1", "0.1.1")).isTrue();
        assertThat(Version.older("0.1.0-dev", "0.1.0")).isFalse();
        assertThat(Version.older("garbage", "0.1.0")).isTrue(); // no numbers: the oldest
    }
}
