package io.topograph.scanner.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A stand-in server on 127.0.0.1 that answers with the protocol fixtures in order and checks each
 * request the daemon sends against the fixture's request ({@link FixtureMatcher}).
 *
 * <p>Heartbeats and progress reports are driven by clocks, not by the exchange before them, so they
 * may also come between two other exchanges: a heartbeat or progress report that does not match the
 * next fixture is checked against the last heartbeat (or progress) fixture already served, with the
 * variables that fixture first bound free again (a progress report's phase and percent change), and
 * gets that fixture's answer. A heartbeat sent while a run is active may say {@code SCANNING} with
 * {@code activeRunId} = {{runId}} instead of {@code IDLE}/null. Anything else out of order is recorded
 * as a problem and answered 400.
 */
final class FixtureReplayServer implements AutoCloseable {

    record Fixture(String file, JsonNode given, JsonNode request, JsonNode response) {
        boolean heartbeat() {
            return request.path("path").asText().endsWith("/heartbeat");
        }

        boolean progress() {
            return request.path("path").asText().endsWith("/progress");
        }
    }

    /** One request as the daemon sent it. */
    record Received(String method, String path, String authorization, JsonNode body, String servedBy) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Fixture> fixtures;
    private final FixtureMatcher.Sampler sampler;
    private final Set<String> loseAnswers = new HashSet<>();
    private final HttpServer server;
    private FixtureMatcher matcher;
    private int next;
    private final Map<String, Set<String>> boundFirstBy = new HashMap<>();
    private Fixture lastHeartbeat;
    private Fixture lastProgress;
    private final List<String> problems = new ArrayList<>();
    private final List<Received> received = new ArrayList<>();

    FixtureReplayServer(List<Fixture> fixtures, FixtureMatcher matcher, FixtureMatcher.Sampler sampler) throws IOException {
        this.fixtures = List.copyOf(fixtures);
        this.matcher = matcher;
        this.sampler = sampler;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The fixtures of {@code dir} ({@code *.json}), in name order. */
    static List<Fixture> load(Path dir) throws IOException {
        List<Fixture> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                JsonNode n = JSON.readTree(f.toFile());
                out.add(new Fixture(f.getFileName().toString(), n.path("given"), n.get("request"), n.get("response")));
            }
        }
        return out;
    }

    /** {@code docs/daemon-protocol/} of the repository, found from the working directory upward. */
    static Path fixturesDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path dir = p.resolve("docs").resolve("daemon-protocol");
            if (Files.isRegularFile(dir.resolve("README.md"))) {
                return dir;
            }
        }
        throw new IllegalStateException("docs/daemon-protocol not found above " + Path.of("").toAbsolutePath());
    }

    /** The answer to this fixture is lost: the request is checked and served, then the connection closed without a reply. */
    void loseAnswerOf(String file) {
        loseAnswers.add(file);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized List<String> served() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < next; i++) {
            out.add(fixtures.get(i).file());
        }
        return out;
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized FixtureMatcher matcher() {
        return matcher.copy();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = ScriptedServer.body(raw);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            Answer answer = answer(method, path, auth, body);
            if (answer == null) {
                return; // the answer is "lost": closing without a reply
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (answer.body() == null || answer.body().isNull()) {
                exchange.sendResponseHeaders(answer.status(), -1);
            } else {
                byte[] out = JSON.writeValueAsBytes(answer.body());
                exchange.sendResponseHeaders(answer.status(), out.length);
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(out);
                }
            }
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    private synchronized Answer answer(String method, String path, String auth, JsonNode body) {
        List<String> mismatch = List.of();
        if (next < fixtures.size()) {
            Fixture f = fixtures.get(next);
            FixtureMatcher trial = matcher.copy();
            mismatch = check(f.request(), method, path, auth, body, trial);
            if (mismatch.isEmpty()) {
                Set<String> fresh = new LinkedHashSet<>(trial.bindings().keySet());
                fresh.removeAll(matcher.bindings().keySet());
                boundFirstBy.put(f.file(), fresh);
                matcher = trial;
                next++;
                if (f.heartbeat()) {
                    lastHeartbeat = f;
                }
                if (f.progress()) {
                    lastProgress = f;
                }
                received.add(new Received(method, path, auth, body, f.file()));
                JsonNode out = matcher.send(f.response().get("body"), sampler);
                return loseAnswers.contains(f.file()) ? null : new Answer(f.response().path("status").asInt(), out);
            }
        }
        Fixture repeat = path.endsWith("/heartbeat") ? lastHeartbeat : path.endsWith("/progress") ? lastProgress : null;
        if (repeat != null) {
            List<String> again = checkRepeat(repeat, method, path, auth, body);
            if (again.isEmpty()) {
                received.add(new Received(method, path, auth, body, repeat.file() + " (again)"));
                return new Answer(repeat.response().path("status").asInt(), matcher.send(repeat.response().get("body"), sampler));
            }
            mismatch = new ArrayList<>(mismatch);
            mismatch.addAll(again);
        }
        String expected = next < fixtures.size() ? fixtures.get(next).file() : "nothing more";
        problems.add(method + " " + path + " " + body + " does not match " + expected + ": " + mismatch);
        received.add(new Received(method, path, auth, body, null));
        ObjectNode error = JSON.createObjectNode().put("message", "unexpected request (replay expected " + expected + ")");
        error.putArray("errors");
        return new Answer(400, error);
    }

    private List<String> checkRepeat(Fixture f, String method, String path, String auth, JsonNode body) {
        FixtureMatcher loose = matcher.copy();
        loose.unbind(boundFirstBy.getOrDefault(f.file(), Set.of()));
        List<String> idle = check(f.request(), method, path, auth, body, loose.copy());
        if (idle.isEmpty() || !f.heartbeat() || loose.bound("runId") == null) {
            return idle;
        }
        ObjectNode scanning = f.request().deepCopy();
        ((ObjectNode) scanning.get("body")).put("state", "SCANNING").put("activeRunId", "{{runId}}");
        List<String> busy = check(scanning, method, path, auth, body, loose.copy());
        if (busy.isEmpty()) {
            return busy;
        }
        List<String> both = new ArrayList<>(idle);
        both.addAll(busy);
        return both;
    }

    /** The request's method, path, authorization and body against a fixture's request, binding into {@code m}. */
    static List<String> check(JsonNode expected, String method, String path, String auth, JsonNode body, FixtureMatcher m) {
        List<String> problems = new ArrayList<>();
        if (!expected.path("method").asText().equalsIgnoreCase(method)) {
            problems.add("method: expected " + expected.path("method").asText() + ", got " + method);
        }
        problems.addAll(m.receiveText(expected.path("path").asText(), path, "path"));
        String mode = expected.path("auth").asText("none");
        if (mode.equals("credential")) {
            problems.addAll(m.receiveText("Bearer {{credential}}", auth, "auth"));
        } else if (auth != null) {
            problems.add("auth: expected no Authorization header, got one");
        }
        problems.addAll(m.receive(expected.get("body"), body, "body"));
        return problems;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
