package io.topograph.scanner.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The daemon protocol, version 1 ({@code docs/daemon-protocol.md}), over {@link HttpClient}: one method
 * per call, JSON in and out. Every failure is a {@link ProtocolException} carrying the status (0 when
 * there was no usable answer). The credential is only ever put in the Authorization header.
 */
public final class ProtocolClient {

    public static final String BASE_PATH = "/api/daemon/v1";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final HttpClient http;
    private final String base;
    private final String credential;
    private final Duration timeout;

    /** A client of {@code server}; {@code credential} may be null (only {@link #enroll} works then). */
    public ProtocolClient(URI server, String credential, Duration timeout) {
        String s = server.toString();
        this.base = (s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + BASE_PATH;
        this.credential = credential;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(ProxySelector.getDefault() == null ? HttpClient.Builder.NO_PROXY : ProxySelector.getDefault())
                .build();
    }

    /** Whether a run id from the server is safe to put in a path. */
    public static boolean validRunId(String id) {
        return id != null && RUN_ID.matcher(id).matches();
    }

    /** {@code POST /enroll} (no credential): the answer with daemonId, credential, network… */
    public JsonNode enroll(ObjectNode body) throws ProtocolException, InterruptedException {
        return post("/enroll", bytes(body), false, timeout, 201, 200);
    }

    /** {@code POST /heartbeat}: heartbeatSeconds, workAvailable, cancelRunIds… */
    public JsonNode heartbeat(ObjectNode body) throws ProtocolException, InterruptedException {
        return post("/heartbeat", bytes(body), true, timeout, 200);
    }

    /** {@code POST /work/claim}: the claimed run object, or null when there is no work (204). */
    public JsonNode claim() throws ProtocolException, InterruptedException {
        JsonNode answer = post("/work/claim", "{}".getBytes(StandardCharsets.UTF_8), true, timeout, 200, 204);
        return answer == null || !answer.hasNonNull("run") ? null : answer.get("run");
    }

    /** {@code POST /runs/{id}/progress}: true when the user cancelled the run (or it timed out on the server). */
    public boolean progress(String runId, String phase, int percent, long hostsFound, long portsProbed)
            throws ProtocolException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("phase", phase).put("percent", percent).put("hostsFound", hostsFound)
                .put("portsProbed", Math.max(0, portsProbed));
        JsonNode answer = post(runPath(runId) + "/progress", bytes(body), true, timeout, 200);
        return answer != null && answer.path("cancel").asBoolean(false);
    }

    /** {@code POST /runs/{id}/batches/{seq}} with a prepared {@code {"hosts":[…]}} body. */
    public JsonNode batch(String runId, int seq, byte[] body) throws ProtocolException, InterruptedException {
        return post(runPath(runId) + "/batches/" + seq, body, true, timeout, 200);
    }

    /** {@code POST /runs/{id}/complete}. A 409 "missing batches: 3, 4" comes back as a ProtocolException. */
    public JsonNode complete(String runId, ObjectNode body) throws ProtocolException, InterruptedException {
        return post(runPath(runId) + "/complete", bytes(body), true, timeout, 200);
    }

    /** {@code POST /runs/{id}/fail} with a reason, waiting at most {@code within}. */
    public JsonNode fail(String runId, String reason, Duration within) throws ProtocolException, InterruptedException {
        String r = reason == null || reason.isBlank() ? "failed" : reason;
        ObjectNode body = JSON.createObjectNode().put("reason", r.length() > 1000 ? r.substring(0, 1000) : r);
        return post(runPath(runId) + "/fail", bytes(body), true, within, 200);
    }

    private static String runPath(String runId) {
        if (!validRunId(runId)) {
            throw new IllegalArgumentException("not a run id: " + runId);
        }
        return "/runs/" + runId;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode post(String path, byte[] body, boolean authenticated, Duration within, int... ok)
            throws ProtocolException, InterruptedException {
        String what = "POST " + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(within.isNegative() || within.isZero() ? Duration.ofMillis(1) : within)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", "topograph-daemon/" + Version.current())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authenticated) {
            if (credential == null) {
                throw new IllegalStateException("not enrolled: no credential");
            }
            request.header("Authorization", "Bearer " + credential);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new ProtocolException(0, null, what + ": no answer from the server (" + why + ")", e);
        }
        int status = response.statusCode();
        byte[] raw = response.body() == null ? new byte[0] : response.body();
        for (int s : ok) {
            if (s == status) {
                if (status == 204 || raw.length == 0) {
                    return null;
                }
                try {
                    return JSON.readTree(raw);
                } catch (IOException e) {
                    throw new ProtocolException(0, null, what + ": the answer (" + status + ") is not JSON", e);
                }
            }
        }
        String message = null;
        try {
            JsonNode error = raw.length == 0 ? null : JSON.readTree(raw);
            if (error != null && error.hasNonNull("message")) {
                message = error.get("message").asText();
            }
        } catch (IOException notJson) {
            // an error page from a proxy: the status says enough
        }
        throw new ProtocolException(status, message, what + " answered " + status + (message == null ? "" : ": " + message), null);
    }
}
