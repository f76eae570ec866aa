package io.topograph.invites;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.topograph.networks.NetworkService;
import io.topograph.support.Accounts;
import io.topograph.support.WebSession;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds teams for tests through the real routes: invites over the API, acceptance over the link page. */
public final class Teams {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Teams() {
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException("Not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    public static String body(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> invite(String email, String role, String... networkIds) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("email", email);
        map.put("role", role);
        map.put("networkIds", List.of(networkIds));
        return map;
    }

    /**
     * A form post with a raw body, for repeated fields (ticked checkboxes) that a map cannot
     * hold; carries the session's cookies and CSRF token like a browser.
     */
    public static HttpResponse<String> rawFormPost(WebSession web, String path, String body) {
        String csrf = web.csrfToken();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(web.base().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Cookie", "TG_SESSION=" + web.cookie("TG_SESSION") + "; TG_CSRF=" + csrf)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&" + body)).build();
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the network every organization starts with ("Home network"). */
    public static String homeNetworkId(Accounts.Account account) {
        for (JsonNode n : json(account.web().getJson("/api/v1/networks"))) {
            if (n.get("name").asText().equals(NetworkService.FIRST_NETWORK_NAME)) {
                return n.get("id").asText();
            }
        }
        throw new AssertionError("No " + NetworkService.FIRST_NETWORK_NAME + " visible to " + account.email());
    }

    public static String createNetwork(Accounts.Account owner, String name) {
        HttpResponse<String> created = owner.web().json("POST", "/api/v1/networks", body(Map.of("name", name)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asText();
    }

    /** Invites through the API and returns the answer (id, url, …). */
    public static JsonNode sendInvite(Accounts.Account inviter, String email, String role, String... networkIds) {
        HttpResponse<String> response = inviter.web().json("POST", "/api/v1/invites", body(invite(email, role, networkIds)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    /** The path of an invite link ({@code /invites/<token>}), from its absolute URL. */
    public static String path(String url) {
        return URI.create(url).getPath();
    }

    /** Invites a new person, who creates an account from the link; returns them signed in. */
    public static Accounts.Account join(URI base, Accounts.Account owner, String who, String role, String... networkIds) {
        String email = Accounts.uniqueEmail(who);
        String link = path(sendInvite(owner, email, role, networkIds).get("url").asText());
        WebSession web = new WebSession(base);
        HttpResponse<String> joined = web.post(link + "/signup", WebSession.form("name", who, "password", Accounts.PASSWORD));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(303);
        assertThat(joined.headers().firstValue("Location").orElseThrow()).endsWith("/o/" + owner.slug());
        return new Accounts.Account(web, email, who, owner.slug());
    }

    /** The membership id of the account with this email in the caller's organization. */
    public static String membershipId(Accounts.Account viewer, String email) {
        for (JsonNode m : json(viewer.web().getJson("/api/v1/members"))) {
            if (m.get("email").asText().equalsIgnoreCase(email)) {
                return m.get("id").asText();
            }
        }
        throw new AssertionError("No member " + email);
    }
}
