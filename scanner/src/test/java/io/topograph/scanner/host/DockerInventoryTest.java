package io.topograph.scanner.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerInventoryTest {

    static final String CONTAINERS = """
            [{"Id":"3f4e1b2c9d8a7f6e5d4c3b2a1f0e9d8c","Names":["/grafana"],"Image":"grafana/grafana:11.1.0","State":"running",
              "Status":"Up 3 hours","Ports":[{"IP":"0.0.0.0","PrivatePort":3000,"PublicPort":3000,"Type":"tcp"},
              {"PrivatePort":9094,"Type":"udp"}],
              "NetworkSettings":{"Networks":{"monitoring":{"IPAddress":"172.20.0.3","MacAddress":"02:42:ac:14:00:03"}}}},
             {"Id":"aa11","Names":["/stopped"],"Image":"busybox","State":"exited","Status":"Exited (0) 2 days ago","Ports":[],
              "NetworkSettings":{"Networks":{"bridge":{"IPAddress":"","MacAddress":""}}}}]""";
    static final String NETWORKS = """
            [{"Name":"monitoring","Id":"9b8a7c6d5e4f3a2b1c0d","Driver":"bridge","IPAM":{"Config":[{"Subnet":"172.20.0.0/16","Gateway":"172.20.0.1"}]}},
             {"Name":"host","Id":"1234","Driver":"host","IPAM":{"Config":[]}}]""";

    /** A stand-in for the Docker engine's API socket, answering the two GETs the inventory makes. */
    private static Thread fakeEngine(Path socket, Map<String, String> bodies, List<String> requests, boolean chunked) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(() -> {
            try (server) {
                for (int i = 0; i < bodies.size(); i++) {
                    try (SocketChannel c = server.accept()) {
                        ByteBuffer buf = ByteBuffer.allocate(4096);
                        StringBuilder req = new StringBuilder();
                        while (!req.toString().contains("\r\n\r\n") && c.read(buf) > 0) {
                            buf.flip();
                            req.append(StandardCharsets.US_ASCII.decode(buf));
                            buf.clear();
                        }
                        String line = req.substring(0, req.indexOf("\r\n"));
                        requests.add(line);
                        String path = line.split(" ")[1];
                        String body = bodies.get(path);
                        String resp;
                        if (body == null) {
                            resp = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
                        } else if (chunked) {
                            byte[] b = body.getBytes(StandardCharsets.UTF_8);
                            resp = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                                    + Integer.toHexString(b.length) + "\r\n" + body + "\r\n0\r\n\r\n";
                        } else {
                            resp = "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nApi-Version: 1.45\r\n\r\n" + body;
                        }
                        c.write(ByteBuffer.wrap(resp.getBytes(StandardCharsets.UTF_8)));
                    }
                }
            } catch (IOException ignored) {
                // test over
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
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
