package io.topograph.discovery.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * A made-up network for load tests: hosts on 127.x.y.z (loopback only; nothing is ever sent to
 * them) with locally administered MACs (02:…, never a manufacturer's), host names under
 * .example, and five identified services each on its own port with a banner.
 */
final class SyntheticNetwork {

    static final int SERVICES_PER_HOST = 5;

    private SyntheticNetwork() {
    }

    static String ip(int i) {
        return "127." + (1 + (i >> 16)) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
    }

    static String mac(int i) {
        return String.format("02:00:5e:%02x:%02x:%02x", (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
    }

    /** {@code hosts} hosts as batch bodies of {@code perBatch} hosts each. */
    static List<String> batches(int hosts, int perBatch) {
        List<String> out = new ArrayList<>();
        for (int start = 0; start < hosts; start += perBatch) {
            Report report = Report.batch();
            for (int i = start; i < Math.min(hosts, start + perBatch); i++) {
                report.host(ip(i)).mac(mac(i)).vendor("Locally administered").hostname("host-" + i + ".example")
                        .port(22, "SSH-2.0-OpenSSH_9.6").service("openssh", "OpenSSH", "remote-access", 22, 95, "banner matched /^SSH-2.0-OpenSSH/", "9.6")
                        .port(80, "HTTP/1.1 200 OK Server: nginx/1.25.3").service("nginx", "nginx", "web", 80, 90, "Server header nginx", "1.25.3")
                        .port(443, "TLS CN=host-" + i + ".example").service("https", "HTTPS", "web", 443, 70, "TLS handshake", null)
                        .port(5432, null).service("postgresql", "PostgreSQL", "databases", 5432, 80, "protocol answer", null)
                        .port(9100, null).service(null, "Printer (raw)", "printing", 9100, 40, "port 9100 open", null);
            }
            out.add(report.json());
        }
        return out;
    }
}
