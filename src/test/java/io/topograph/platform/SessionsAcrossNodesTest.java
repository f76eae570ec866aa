package io.topograph.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server nodes on one database: a session made on one is valid on the other, and survives
 * the first node stopping (the same as a restart).
 */
@MicronautTest
class SessionsAcrossNodesTest extends AppTest {

    @Test
    void a_session_from_one_node_works_on_another_and_outlives_the_first_node() throws Exception {
        Accounts.Account account = signUp("node");
        String cookie = account.web().cookie("TG_SESSION");
        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1), "test")) {
            assertThat(get(second, account.org(""), cookie).statusCode()).isEqualTo(200);
            try (EmbeddedServer third = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1), "test")) {
                assertThat(get(third, account.org(""), cookie).body()).contains(account.name());
            }
            // "third" is stopped: the session still works on the remaining nodes.
            assertThat(get(second, account.org(""), cookie).statusCode()).isEqualTo(200);
            // Logging out on one node ends the session on all of them.
            assertThat(account.web().post("/logout", Map.of()).statusCode()).isEqualTo(303);
            assertThat(get(second, account.org(""), cookie).statusCode()).isEqualTo(303);
        }
    }

    private static HttpResponse<String> get(EmbeddedServer server, String path, String sessionCookie) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(server.getURI().resolve(path)).header("Cookie", "TG_SESSION=" + sessionCookie)
                        .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }
}
