package io.topograph.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.platform.tenancy.Role;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.BearerClient;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static io.topograph.support.BearerClient.json;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class OrganizationsApiTest extends AppTest {

    @Inject
    DataSource dataSource;

    @Test
    void a_session_lists_every_organization_of_its_user_with_the_role_in_each() {
        Accounts.Account ada = signUp("ada", "Zeta Labs");
        Accounts.Account bob = signUp("bob", "Alpha Works");
        new TestDatabase(dataSource).addMember(ada.slug(), bob.email(), Role.VIEWER);

        JsonNode list = json(bob.web().getJson("/api/v1/organizations"));
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("name").asText()).isEqualTo("Alpha Works");
        assertThat(list.get(0).get("slug").asText()).isEqualTo(bob.slug());
        assertThat(list.get(0).get("role").asText()).isEqualTo("OWNER");
        assertThat(list.get(1).get("slug").asText()).isEqualTo(ada.slug());
        assertThat(list.get(1).get("role").asText()).isEqualTo("VIEWER");
        assertThat(list.get(1).get("id").asText()).isEqualTo(new TestDatabase(dataSource).organizationId(ada.slug()).toString());
        assertThat(json(ada.web().getJson("/api/v1/organizations"))).hasSize(1);
    }

    @Test
    void the_current_organization_is_the_sessions_or_the_one_named_in_the_header() {
        Accounts.Account ada = signUp("ada");
        Accounts.Account bob = signUp("bob");
        new TestDatabase(dataSource).addMember(ada.slug(), bob.email(), Role.MEMBER);
        JsonNode own = json(bob.web().getJson("/api/v1/organization"));
        assertThat(own.get("slug").asText()).isEqualTo(bob.slug());
        assertThat(own.get("role").asText()).isEqualTo("OWNER");

        HttpResponse<String> named = withHeader(bob, "/api/v1/organization", ada.slug());
        assertThat(named.statusCode()).isEqualTo(200);
        assertThat(json(named).get("slug").asText()).isEqualTo(ada.slug());
        assertThat(json(named).get("role").asText()).isEqualTo("MEMBER");
    }

    @Test
    void a_key_sees_only_its_own_organization_with_its_effective_role() {
        Accounts.Account ada = signUp("ada");
        Accounts.Account bob = signUp("bob");
        new TestDatabase(dataSource).addMember(ada.slug(), bob.email(), Role.ADMIN);
        bob.web().get(ada.org(""));
        HttpResponse<String> created = bob.web().json("POST", "/api/v1/api-keys", "{\"name\":\"k\",\"role\":\"MEMBER\"}");
        BearerClient key = new BearerClient(base(), json(created).get("token").asText());

        JsonNode list = json(key.get("/api/v1/organizations"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("slug").asText()).isEqualTo(ada.slug());
        assertThat(list.get(0).get("role").asText()).isEqualTo("MEMBER");
        assertThat(key.get("/api/v1/organizations").body()).doesNotContain(bob.slug());
        JsonNode current = json(key.get("/api/v1/organization"));
        assertThat(current.get("slug").asText()).isEqualTo(ada.slug());
        assertThat(current.get("role").asText()).isEqualTo("MEMBER");
    }

    @Test
    void another_organization_named_in_the_header_answers_404() {
        Accounts.Account ada = signUp("ada");
        Accounts.Account mallory = signUp("mallory");
        HttpResponse<String> response = withHeader(mallory, "/api/v1/organization", ada.slug());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain(ada.name());
        assertThat(json(mallory.web().getJson("/api/v1/organizations")).toString()).doesNotContain(ada.slug());
    }

    @Test
    void anonymous_callers_get_401() {
        assertThat(anonymous().getJson("/api/v1/organizations").statusCode()).isEqualTo(401);
        assertThat(anonymous().getJson("/api/v1/organization").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> withHeader(Accounts.Account account, String path, String slug) {
        Map<String, String> cookies = new HashMap<>();
        cookies.put("TG_SESSION", account.web().cookie("TG_SESSION"));
        HttpRequest request = HttpRequest.newBuilder(base().resolve(path)).header("Accept", "application/json")
                .header("Cookie", "TG_SESSION=" + cookies.get("TG_SESSION")).header("X-Topograph-Organization", slug).GET().build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Accounts.Account signUp(String who, String organization) {
        return Accounts.signUp(base(), who, organization);
    }
}
