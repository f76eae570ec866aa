package io.topograph.notifications;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.networks.NetworkService;
import io.topograph.platform.tenancy.Role;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class NotificationsApiTest extends AppTest {

    @Inject
    javax.sql.DataSource dataSource;

    private TestDatabase db() {
        return new TestDatabase(dataSource);
    }

    private long rules(Accounts.Account a) {
        return db().count("select count(*) from notification_rules where organization_id = ?", db().organizationId(a.slug()));
    }

    private static String id(HttpResponse<String> response) {
        return response.body().replaceAll("(?s)^\\{\"id\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void rules_are_created_read_replaced_and_deleted_as_json() {
        Accounts.Account owner = signUp("ada");
        UUID network = db().networkId(owner.slug(), NetworkService.FIRST_NETWORK_NAME);
        HttpResponse<String> created = owner.web().json("POST", "/api/v1/notification-rules", """
                {"name": "Hook", "kinds": ["HOST_APPEARED", "SERVICE_APPEARED"], "networkId": "%s", "channel": "WEBHOOK",
                 "url": "http://127.0.0.1:9/hook"}""".formatted(network));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = id(created);
        assertThat(created.headers().firstValue("Location").orElseThrow()).isEqualTo("/api/v1/notification-rules/" + id);
        assertThat(created.body()).contains("\"secret\":\"whsec_").contains("\"enabled\":true").contains("\"networkId\":\"" + network + "\"");
        HttpResponse<String> shown = owner.web().getJson("/api/v1/notification-rules/" + id);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("\"kinds\":[\"HOST_APPEARED\",\"SERVICE_APPEARED\"]").contains("\"secret\":null");
        HttpResponse<String> replaced = owner.web().json("PUT", "/api/v1/notification-rules/" + id, """
                {"name": "Mail", "kinds": ["HOST_DISAPPEARED"], "channel": "EMAIL", "recipients": ["ops@example.com"], "enabled": false}""");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.body()).contains("\"name\":\"Mail\"").contains("\"recipients\":[\"ops@example.com\"]")
                .contains("\"enabled\":false").contains("\"networkId\":null");
        assertThat(owner.web().getJson("/api/v1/notification-rules").body()).contains("\"name\":\"Mail\"");
        assertThat(owner.web().json("POST", "/api/v1/notification-rules/" + id + "/test", null).statusCode()).isEqualTo(202);
        HttpResponse<String> deliveries = owner.web().getJson("/api/v1/notification-deliveries");
        assertThat(deliveries.body()).contains("\"eventType\":\"test\"").contains("\"total\":1");
        assertThat(owner.web().json("DELETE", "/api/v1/notification-rules/" + id, null).statusCode()).isEqualTo(204);
        assertThat(owner.web().getJson("/api/v1/notification-rules/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void invalid_json_gets_422_with_field_errors_and_writes_nothing() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> invalid = owner.web().json("POST", "/api/v1/notification-rules", """
                {"name": "", "kinds": [], "channel": "EMAIL", "recipients": ["nope"]}""");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("name").contains("kinds").contains("recipients");
        HttpResponse<String> badUrl = owner.web().json("POST", "/api/v1/notification-rules", """
                {"name": "x", "kinds": ["HOST_APPEARED"], "channel": "WEBHOOK", "url": "gopher://127.0.0.1/"}""");
        assertThat(badUrl.statusCode()).isEqualTo(422);
        assertThat(badUrl.body()).contains("url");
        HttpResponse<String> malformed = owner.web().json("POST", "/api/v1/notification-rules", "{\"name\": ");
        assertThat(malformed.statusCode()).isBetween(400, 422);
        assertThat(rules(owner)).isZero();
    }

    @Test
    void other_organizations_get_404_and_viewers_403() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> created = owner.web().json("POST", "/api/v1/notification-rules", """
                {"name": "Mine", "kinds": ["HOST_APPEARED"], "channel": "EMAIL", "recipients": ["a@example.com"]}""");
        String id = id(created);
        Accounts.Account stranger = signUp("eve");
        assertThat(stranger.web().getJson("/api/v1/notification-rules/" + id).statusCode()).isEqualTo(404);
        assertThat(stranger.web().json("PUT", "/api/v1/notification-rules/" + id, """
                {"name": "Theirs", "kinds": ["HOST_APPEARED"], "channel": "EMAIL", "recipients": ["e@example.com"]}""").statusCode()).isEqualTo(404);
        assertThat(stranger.web().json("DELETE", "/api/v1/notification-rules/" + id, null).statusCode()).isEqualTo(404);
        assertThat(stranger.web().json("POST", "/api/v1/notification-rules/" + id + "/test", null).statusCode()).isEqualTo(404);
        assertThat(stranger.web().getJson("/api/v1/notification-rules").body()).doesNotContain("Mine");

        Accounts.Account viewer = signUp("vic");
        db().addMember(owner.slug(), viewer.email(), Role.VIEWER);
        viewer.web().get(owner.org("/networks")); // makes the owner's organization the session's current one
        assertThat(viewer.web().getJson("/api/v1/notification-rules").statusCode()).isEqualTo(403);
        assertThat(viewer.web().json("DELETE", "/api/v1/notification-rules/" + id, null).statusCode()).isEqualTo(403);
        assertThat(viewer.web().json("POST", "/api/v1/notification-rules", """
                {"name": "V", "kinds": ["HOST_APPEARED"], "channel": "EMAIL", "recipients": ["v@example.com"]}""").statusCode()).isEqualTo(403);
        assertThat(rules(owner)).isEqualTo(1);
    }
}
