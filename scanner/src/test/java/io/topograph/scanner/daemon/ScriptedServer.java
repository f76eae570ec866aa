package io.topograph.scanner.daemon;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A stand-in Topograph server on 127.0.0.1 for daemon tests: a script answers each request (by path,
 * with how many times that path was asked), every request is recorded.
 */
public final class ScriptedServer implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String API = "/api/daemon/v1";

    public record Request(String method, String path, String authorization, byte[] raw, JsonNode body, long atNanos) {
        public String text() {
            return new String(raw, StandardCharsets.UTF_8);
        }
    }

    /** status and JSON body (null: none); {@link #LOSE}: close the connection without answering. */
    public record Reply(int status, String body) {
        public static final Reply LOSE = new Reply(-1, null);

        public static Reply json(int status, String body) {
            return new Reply(status, body);
        }
    }

    @FunctionalInterface
    public interface Script {
        /** {@code path} without the API prefix ("/heartbeat", "/runs/r1/batches/0"); {@code nth} counts from 1 per path. */
        Reply answer(String path, int nth, Request request);
    }

    public static final Reply HEARTBEAT_OK = Reply.json(200,
            "{\"heartbeatSeconds\":30,\"leaseSeconds\":90,\"latestVersion\":\"0.1.0\",\"workAvailable\":false,\"cancelRunIds\":[]}");
    public static final Reply NO_WORK = Reply.json(204, null);

    private final HttpServer server;
    private final Script script;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    public ScriptedServer(Script script) throws IOException {
        this.script = script;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String pathSuffix) {
        return requests.stream().filter(r -> r.path().endsWith(pathSuffix)).toList();
    }

    /** Waits for a request the predicate accepts; fails the test after {@code within}. */
    public Request await(Predicate<Request> which, Duration within, String what) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            for (Request r : requests) {
                if (which.test(r)) {
                    return r;
                }
            }
            Thread.sleep(20);
        }
        return fail("no " + what + " within " + within + "; requests: " + requests.stream().map(r -> r.method() + " " + r.path() + " " + r.text()).toList());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = body(raw);
            String path = exchange.getRequestURI().getRawPath();
            Request r = new Request(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Authorization"), raw, body,
                    System.nanoTime());
            requests.add(r);
            String local = path.startsWith(API) ? path.substring(API.length()) : path;
            int nth = counts.computeIfAbsent(local, k -> new AtomicInteger()).incrementAndGet();
            Reply reply = script.answer(local, nth, r);
            if (reply == null) {
                reply = Reply.json(404, "{\"message\":\"not scripted\",\"errors\":[]}");
            }
            if (reply.status() < 0) {
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (reply.body() == null) {
                exchange.sendResponseHeaders(reply.status(), -1);
            } else {
                byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(reply.status(), out.length);
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(out);
                }
            }
        }
    }

    /** A state dir holding an enrolled daemon's state for this server. */
    public static void enrolled(Path stateDir, URI server, String credential) throws IOException {
        new StateStore(stateDir).save(new DaemonState(server.toString(), "d-1", credential, "n-1", "Lab", "i-1"));
    }

    /** A request body as JSON; missing when empty or not JSON (the checks then report it). */
    static JsonNode body(byte[] raw) {
        try {
            return raw.length == 0 ? MissingNode.getInstance() : JSON.readTree(raw);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
