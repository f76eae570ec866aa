package io.topograph.scanner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.topograph.scanner.daemon.ScriptedServer;
import io.topograph.scanner.daemon.ScriptedServer.Reply;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDaemonTest {

    @Test
    void an_embedded_daemon_enrolls_works_and_stops_within_five_seconds_when_closed(@TempDir Path dir) throws Exception {
        try (ScriptedServer s = new ScriptedServer((path, nth, r) -> switch (path) {
            case "/enroll" -> Reply.json(201, "{\"daemonId\":\"d-emb\",\"credential\":\"tgd_embedded-1\",\"networkId\":\"n-1\","
                    + "\"networkName\":\"Home lab\",\"heartbeatSeconds\":30,\"leaseSeconds\":90}");
            case "/heartbeat" -> ScriptedServer.HEARTBEAT_OK;
            case "/work/claim" -> ScriptedServer.NO_WORK;
            default -> null;
        })) {
            List<String> log = new CopyOnWriteArrayList<>();
            AutoCloseable daemon = EmbeddedDaemon.start(Map.of("server", s.url().toString(), "stateDir", dir.resolve("state").toString(),
                    "enrollmentToken", "tge_embedded", "name", "server-local", "heartbeatSeconds", "0.2", "reverseDns", "false"), log::add);
            s.await(r -> r.path().endsWith("/work/claim") && s.requests("/work/claim").size() >= 2, Duration.ofSeconds(10), "two claims");
            long t0 = System.nanoTime();
            daemon.close();
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5000);
            int seen = s.requests().size();
            Thread.sleep(600);
            assertThat(s.requests()).as("nothing after close").hasSize(seen);
            assertThat(s.requests().get(0).body().get("name").asText()).isEqualTo("server-local");
            assertThat(Files.readString(dir.resolve("state").resolve("daemon.json"))).contains("d-emb");
            assertThat(log).anyMatch(l -> l.startsWith("enrolled as daemon d-emb in network \"Home lab\""));
            assertThat(log).contains("stopped").noneMatch(l -> l.contains("tgd_embedded-1"));
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("topograph-daemon-") && t.isAlive()
                    && !t.getName().equals("topograph-daemon-catalog"));
        }
    }

    @Test
    void unknown_settings_and_a_missing_enrollment_are_refused_with_a_sentence(@TempDir Path dir) {
        assertThatThrownBy(() -> EmbeddedDaemon.start(Map.of("stateDir", dir.toString(), "sever", "http://127.0.0.1:1"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown daemon setting \"sever\"");
        assertThatThrownBy(() -> EmbeddedDaemon.start(Map.of("stateDir", dir.toString()), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not enrolled");
        assertThat(EmbeddedDaemon.version()).isNotBlank();
    }

    @Test
    void the_entry_points_the_server_calls_use_only_jdk_types() throws Exception {
        assertThat(EmbeddedDaemon.class.getMethod("start", Map.class, Consumer.class).getReturnType()).isEqualTo(AutoCloseable.class);
        for (Class<?> c : List.of(EmbeddedDaemon.class, Validation.class)) {
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers())) {
                    continue;
                }
                assertThat(m.getReturnType().isPrimitive() || m.getReturnType().getName().startsWith("java.")).as(m.toString()).isTrue();
                for (Class<?> p : m.getParameterTypes()) {
                    assertThat(p.isPrimitive() || p.getName().startsWith("java.")).as(m.toString()).isTrue();
                }
            }
        }
    }
}
