package io.topograph.scanner.host;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Containers (with their published ports and network addresses) and networks (with subnets) of the
 * local Docker engine, read through its API socket when present. Read-only: only GET requests.
 */
@JsonPropertyOrder({"socket", "containers", "networks"})
public record DockerInventory(String socket, List<Container> containers, List<Network> networks) {

    public static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");

    @JsonPropertyOrder({"id", "name", "image", "state", "status", "ports", "addresses"})
    public record Container(String id, String name, String image, String state, String status, List<Published> ports,
                            List<Attachment> addresses) {
    }

    /** A container port; {@code hostPort} is null when it is not published on the host. */
    @JsonPropertyOrder({"containerPort", "protocol", "hostIp", "hostPort"})
    public record Published(int containerPort, String protocol, String hostIp, Integer hostPort) {
    }

    @JsonPropertyOrder({"network", "ip", "mac"})
    public record Attachment(String network, String ip, String mac) {
    }

    @JsonPropertyOrder({"id", "name", "driver", "subnets"})
    public record Network(String id, String name, String driver, List<String> subnets) {
    }

    /** The inventory, or null when there is no socket at {@code socket}. */
    public static DockerInventory read(Path socket) throws IOException {
        if (!Files.exists(socket)) {
            return null;
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode containers = json.readTree(get(socket, "/containers/json?all=1"));
        JsonNode networks = json.readTree(get(socket, "/networks"));
        List<Container> cs = new ArrayList<>();
        for (JsonNode c : containers) {
            List<Published> ports = new ArrayList<>();
            for (JsonNode p : c.path("Ports")) {
                ports.add(new Published(p.path("PrivatePort").asInt(), p.path("Type").asText("tcp"),
                        p.hasNonNull("IP") ? p.get("IP").asText() : null, p.hasNonNull("PublicPort") ? p.get("PublicPort").asInt() : null));
            }
            List<Attachment> addresses = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = c.path("NetworkSettings").path("Networks").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> n = it.next();
                addresses.add(new Attachment(n.getKey(), blankToNull(n.getValue().path("IPAddress").asText(null)),
                        blankToNull(n.getValue().path("MacAddress").asText(null))));
            }
            String name = c.path("Names").isArray() && !c.path("Names").isEmpty() ? c.path("Names").get(0).asText().replaceFirst("^/", "") : null;
            cs.add(new Container(shortId(c.path("Id").asText()), name, c.path("Image").asText(null), c.path("State").asText(null),
                    c.path("Status").asText(null), ports, addresses));
        }
        List<Network> ns = new ArrayList<>();
        for (JsonNode n : networks) {
            List<String> subnets = new ArrayList<>();
            for (JsonNode cfg : n.path("IPAM").path("Config")) {
                if (cfg.hasNonNull("Subnet")) {
                    subnets.add(cfg.get("Subnet").asText());
                }
            }
            ns.add(new Network(shortId(n.path("Id").asText()), n.path("Name").asText(null), n.path("Driver").asText(null), subnets));
        }
        return new DockerInventory(socket.toString(), cs, ns);
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** An HTTP/1.0 GET over the unix socket; the body of a 200 answer. */
    static byte[] get(Path socket, String path) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.0\r\nHost: docker\r\nUser-Agent: Topograph-Scanner/0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(16384);
            while (ch.read(buf) >= 0 && out.size() < 16 * 1024 * 1024) {
                buf.flip();
                out.write(buf.array(), 0, buf.limit());
                buf.clear();
            }
            String text = out.toString(StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.") || headEnd < 0) {
                throw new IOException("not an HTTP answer from " + socket);
            }
            String status = text.substring(0, text.indexOf("\r\n"));
            if (!status.matches("HTTP/1\\.\\d 200.*")) {
                throw new IOException(socket + " answered " + path + " with " + status);
            }
            byte[] all = out.toByteArray();
            byte[] body = new byte[all.length - headEnd - 4];
            System.arraycopy(all, headEnd + 4, body, 0, body.length);
            if (text.substring(0, headEnd).toLowerCase().contains("transfer-encoding: chunked")) {
                return dechunk(body);
            }
            return body;
        }
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int eol = i;
            while (eol + 1 < body.length && !(body[eol] == '\r' && body[eol + 1] == '\n')) {
                eol++;
            }
            int size = Integer.parseInt(new String(body, i, eol - i, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, eol + 2, size);
            i = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
