package io.topograph.discovery.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds batch bodies in the daemon's format ({@code scan --format json} hosts). Tests use only
 * loopback addresses and documentation MACs (00:00:5e:00:53:xx) and names.
 */
final class Report {

    static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode hosts = root.putArray("hosts");

    static Report batch() {
        return new Report();
    }

    Host host(String ip) {
        return new Host(this, ip);
    }

    String json() {
        return root.toString();
    }

    ObjectNode tree() {
        return root;
    }

    static final class Host {
        private final Report report;
        private final ObjectNode node;
        private final ArrayNode ports;
        private final ArrayNode services;

        Host(Report report, String ip) {
            this.report = report;
            node = report.hosts.addObject();
            node.put("ip", ip);
            node.putNull("mac");
            node.putNull("vendor");
            node.putNull("hostname");
            ports = node.putArray("ports");
            services = node.putArray("services");
            node.putArray("unidentifiedPorts");
        }

        Host mac(String mac) {
            node.put("mac", mac);
            return this;
        }

        Host vendor(String vendor) {
            node.put("vendor", vendor);
            return this;
        }

        Host hostname(String hostname) {
            node.put("hostname", hostname);
            return this;
        }

        Host port(int port, String banner) {
            ObjectNode p = ports.addObject();
            p.put("port", port);
            p.put("protocol", "tcp");
            p.put("state", "open");
            p.put("banner", banner);
            return this;
        }

        Host unidentified(int port) {
            port(port, null);
            ((ArrayNode) node.get("unidentifiedPorts")).add(port);
            return this;
        }

        Host service(String id, String name, String category, int port, int confidence, String reason, String version) {
            ObjectNode s = services.addObject();
            s.put("id", id);
            s.put("name", name);
            s.put("category", category);
            s.putNull("icon");
            s.put("port", port);
            s.put("protocol", "tcp");
            s.put("confidence", confidence);
            s.put("reason", reason);
            s.put("version", version);
            return this;
        }

        /** An SSH server on 22 identified as OpenSSH, the usual sample. */
        Host ssh() {
            return port(22, "SSH-2.0-OpenSSH_9.6")
                    .service("openssh", "OpenSSH", "remote-access", 22, 95, "banner matched /^SSH-2.0-OpenSSH/", "9.6");
        }

        ObjectNode node() {
            return node;
        }

        Host host(String ip) {
            return report.host(ip);
        }

        Report done() {
            return report;
        }

        String json() {
            return report.json();
        }
    }
}
