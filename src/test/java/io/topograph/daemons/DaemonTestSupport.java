package io.topograph.daemons;

import com.fasterxml.jackson.databind.JsonNode;
import io.topograph.invites.Teams;
import io.topograph.support.Accounts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls a daemon makes (no cookies, no CSRF) and the set-up the daemon tests share. */
final class DaemonTestSupport {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private DaemonTestSupport() {
    }

    /** A daemon API call: JSON body, optional {@code Authorization: Bearer <credential>}. */
    static HttpResponse<String> call(URI base, String path, String credential, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (credential != null) {
            b.header("Authorization", "Bearer " + credential);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> enroll(URI base, String body) {
        return call(base, "/api/daemon/v1/enroll", null, body);
    }

    static HttpResponse<String> heartbeat(URI base, String credential, String body) {
        return call(base, "/api/daemon/v1/heartbeat", credential, body);
    }

    static String enrollBody(String token, UUID instanceId) {
        return Teams.body(Map.of("token", token, "instanceId", instanceId.toString(), "name", "rack-a",
                "hostname", "rack-a.lan", "version", "0.1.0", "capabilities", java.util.List.of("tcp-connect", "udp")));
    }

    static String heartbeatBody(String subnetsJson) {
        return "{\"version\":\"0.1.0\",\"state\":\"IDLE\",\"hostname\":\"rack-a.lan\",\"capabilities\":[\"tcp-connect\"],"
                + "\"subnets\":" + subnetsJson + ",\"activeRunId\":null}";
    }

    /** Creates an enrollment token through the JSON API; answers the whole created-token JSON. */
    static JsonNode createToken(Accounts.Account admin, String networkId, String body) {
        HttpResponse<String> created = admin.web().json("POST", "/api/v1/networks/" + networkId + "/daemon-tokens", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Teams.json(created);
    }

    static String newToken(Accounts.Account admin, String networkId) {
        return createToken(admin, networkId, "{}").get("token").asText();
    }

    /** Enrolls a fresh daemon; answers the enrollment JSON (daemonId, credential, …). */
    static JsonNode enrollNew(URI base, Accounts.Account admin, String networkId) {
        HttpResponse<String> enrolled = enroll(base, enrollBody(newToken(admin, networkId), UUID.randomUUID()));
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        return Teams.json(enrolled);
    }
}
