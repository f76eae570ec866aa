package io.topograph.platform.persistence;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseStartupTest {

    @Test
    void an_unreachable_configured_database_fails_start_up_with_a_message_that_says_so() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + freePort + "/topograph";
        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class,
                Map.of("datasources.default.url", url, "micronaut.server.port", -1), "test").close())
                .hasStackTraceContaining("Cannot reach the PostgreSQL server configured in DATABASE_URL")
                .hasStackTraceContaining("127.0.0.1:" + freePort);
    }

    @Test
    void passwords_in_jdbc_urls_are_not_logged() {
        assertThat(EmbeddedDatabase.redact("jdbc:postgresql://db/x?user=a&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x?user=a&password=***&ssl=true");
    }
}
