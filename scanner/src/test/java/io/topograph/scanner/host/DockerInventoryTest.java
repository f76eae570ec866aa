package io.topograph.scanner.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerInventoryTest {

    static final String CONTAINERS = FakeDockerEngine.CONTAINERS;
    static final String NETWORKS = FakeDockerEngine.NETWORKS;

    private static Thread fakeEngine(Path socket, Map<String, String> bodies, List<String> requests, boolean chunked) throws IOException {
        return FakeDockerEngine.start(socket, bodies, requests, chunked);
    }

    @Test
    void containers_published_ports_addresses_and_networks_are_read_from_the_socket(@TempDir Path dir) throws Exception {
        for (boolean chunked : new boolean[] {false, true}) {
            Path socket = dir.resolve("docker" + chunked + ".sock");
            List<String> requests = new ArrayList<>();
            Thread engine = fakeEngine(socket, Map.of("/containers/json?all=1", CONTAINERS, "/networks", NETWORKS), requests, chunked);
            DockerInventory inv = DockerInventory.read(socket);
            engine.join(5000);
            assertThat(requests).containsExactly("GET /containers/json?all=1 HTTP/1.0", "GET /networks HTTP/1.0");
            assertThat(inv.containers()).hasSize(2);
            DockerInventory.Container grafana = inv.containers().get(0);
            assertThat(grafana.id()).isEqualTo("3f4e1b2c9d8a");
            assertThat(grafana.name()).isEqualTo("grafana");
            assertThat(grafana.image()).isEqualTo("grafana/grafana:11.1.0");
            assertThat(grafana.state()).isEqualTo("running");
            assertThat(grafana.ports()).containsExactly(
                    new DockerInventory.Published(3000, "tcp", "0.0.0.0", 3000),
                    new DockerInventory.Published(9094, "udp", null, null));
            assertThat(grafana.addresses()).containsExactly(new DockerInventory.Attachment("monitoring", "172.20.0.3", "02:42:ac:14:00:03"));
            assertThat(inv.containers().get(1).addresses()).containsExactly(new DockerInventory.Attachment("bridge", null, null));
            assertThat(inv.networks()).containsExactly(
                    new DockerInventory.Network("9b8a7c6d5e4f", "monitoring", "bridge", List.of("172.20.0.0/16")),
                    new DockerInventory.Network("1234", "host", "host", List.of()));
        }
    }

    @Test
    void no_socket_means_no_docker_and_an_error_answer_is_reported(@TempDir Path dir) throws Exception {
        assertThat(DockerInventory.read(dir.resolve("missing.sock"))).isNull();
        Path socket = dir.resolve("broken.sock");
        fakeEngine(socket, Map.of("/other", "[]"), new ArrayList<>(), false);
        assertThatThrownBy(() -> DockerInventory.read(socket)).isInstanceOf(IOException.class).hasMessageContaining("404");
    }
}
