package io.topograph.scanner.host;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A stand-in for the Docker engine's API socket (a unix socket in a temporary directory), for tests. */
public final class FakeDockerEngine {

    public static final String CONTAINERS = """
            [{"Id":"3f4e1b2c9d8a7f6e5d4c3b2a1f0e9d8c","Names":["/grafana"],"Image":"grafana/grafana:11.1.0","State":"running",
              "Status":"Up 3 hours","Ports":[{"IP":"0.0.0.0","PrivatePort":3000,"PublicPort":3000,"Type":"tcp"},
              {"PrivatePort":9094,"Type":"udp"}],
              "NetworkSettings":{"Networks":{"monitoring":{"IPAddress":"172.20.0.3","MacAddress":"02:42:ac:14:00:03"}}}},
             {"Id":"aa11","Names":["/stopped"],"Image":"busybox","State":"exited","Status":"Exited (0) 2 days ago","Ports":[],
              "NetworkSettings":{"Networks":{"bridge":{"IPAddress":"","MacAddress":""}}}}]""";
    public static final String NETWORKS = """
            [{"Name":"monitoring","Id":"9b8a7c6d5e4f3a2b1c0d","Driver":"bridge","IPAM":{"Config":[{"Subnet":"172.20.0.0/16","Gateway":"172.20.0.1"}]}},
             {"Name":"host","Id":"1234","Driver":"host","IPAM":{"Config":[]}}]""";

    private FakeDockerEngine() {
    }

    /** Serves the usual containers and networks for the two GETs of one inventory read. */
    public static Thread start(Path socket, List<String> requests) throws IOException {
        return start(socket, Map.of("/containers/json?all=1", CONTAINERS, "/networks", NETWORKS), requests, false);
    }

    /** Answers {@code bodies.size()} requests on {@code socket} (404 for a path it has no body for), recording each request line. */
    public static Thread start(Path socket, Map<String, String> bodies, List<String> requests, boolean chunked) throws IOException {
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
        }, "fake-docker-engine");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
