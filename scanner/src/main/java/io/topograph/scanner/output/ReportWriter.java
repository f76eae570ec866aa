package io.topograph.scanner.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.topograph.scanner.host.DockerInventory;
import io.topograph.scanner.host.LocalDocker;
import io.topograph.scanner.json.Json;
import io.topograph.scanner.model.ScanReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** Writes a report as the JSON contract or as a table for people. */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** The JSON contract (see docs/scanner.md), written field by field in a fixed order. */
    public static String json(ScanReport report) throws IOException {
        return json(report, LocalDocker.NONE);
    }

    /** The JSON contract; a host that is this machine also gets {@code docker} (the local engine's inventory). */
    public static String json(ScanReport report, LocalDocker docker) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Json.FACTORY.createGenerator(w)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartObject();
            g.writeArrayFieldStart("hosts");
            for (ScanReport.Host h : report.hosts()) {
                host(g, h, docker.forHost(h.ip()));
            }
            g.writeEndArray();
            g.writeFieldName("stats");
            stats(g, report.stats());
            g.writeArrayFieldStart("warnings");
            for (String warning : report.warnings()) {
                g.writeString(warning);
            }
            if (docker.warning() != null) {
                g.writeString(docker.warning());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return w.toString();
    }

    /** One host in the JSON contract's form: the same object in a scan report and in a daemon's result batch. */
    public static void host(JsonGenerator g, ScanReport.Host h) throws IOException {
        host(g, h, null);
    }

    /** One host; with {@code docker} (only for this machine) the optional {@code docker} field is added last. */
    public static void host(JsonGenerator g, ScanReport.Host h, DockerInventory docker) throws IOException {
        g.writeStartObject();
        g.writeStringField("ip", h.ip());
        g.writeStringField("mac", h.mac());
        g.writeStringField("vendor", h.vendor());
        g.writeStringField("hostname", h.hostname());
        g.writeArrayFieldStart("ports");
        for (ScanReport.Port p : h.ports()) {
            port(g, p);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("services");
        for (ScanReport.Service s : h.services()) {
            g.writeStartObject();
            g.writeStringField("id", s.id());
            g.writeStringField("name", s.name());
            g.writeStringField("category", s.category());
            g.writeStringField("icon", s.icon());
            g.writeNumberField("port", s.port());
            g.writeStringField("protocol", s.protocol());
            g.writeNumberField("confidence", s.confidence());
            g.writeStringField("reason", s.reason());
            g.writeStringField("version", s.version());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("unidentifiedPorts");
        for (int p : h.unidentifiedPorts()) {
            g.writeNumber(p);
        }
        g.writeEndArray();
        if (docker != null) {
            g.writeFieldName("docker");
            docker(g, docker);
        }
        g.writeEndObject();
    }

    /**
     * {@code {"containers":[{"id","name","image","state","ports":[{"containerPort","protocol","hostIp","hostPort"}],
     * "networks":[{"network","ip","mac"}]}],"networks":[{"id","name","driver","subnets"}]}}.
     */
    public static void docker(JsonGenerator g, DockerInventory d) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("containers");
        for (DockerInventory.Container c : d.containers()) {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            g.writeStringField("name", c.name());
            g.writeStringField("image", c.image());
            g.writeStringField("state", c.state());
            g.writeArrayFieldStart("ports");
            for (DockerInventory.Published p : c.ports()) {
                g.writeStartObject();
                g.writeNumberField("containerPort", p.containerPort());
                g.writeStringField("protocol", p.protocol());
                g.writeStringField("hostIp", p.hostIp());
                if (p.hostPort() == null) {
                    g.writeNullField("hostPort");
                } else {
                    g.writeNumberField("hostPort", p.hostPort());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("networks");
            for (DockerInventory.Attachment a : c.addresses()) {
                g.writeStartObject();
                g.writeStringField("network", a.network());
                g.writeStringField("ip", a.ip());
                g.writeStringField("mac", a.mac());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("networks");
        for (DockerInventory.Network n : d.networks()) {
            g.writeStartObject();
            g.writeStringField("id", n.id());
            g.writeStringField("name", n.name());
            g.writeStringField("driver", n.driver());
            g.writeArrayFieldStart("subnets");
            for (String s : n.subnets()) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The {@code stats} object of the JSON contract. */
    public static void stats(JsonGenerator g, ScanReport.Stats s) throws IOException {
        g.writeStartObject();
        g.writeNumberField("targets", s.targets());
        g.writeNumberField("hostsUp", s.hostsUp());
        g.writeNumberField("portsPerHost", s.portsPerHost());
        g.writeNumberField("probes", s.probes());
        g.writeNumberField("open", s.open());
        g.writeNumberField("closed", s.closed());
        g.writeNumberField("filtered", s.filtered());
        g.writeNumberField("unreachable", s.unreachable());
        g.writeNumberField("retries", s.retries());
        g.writeNumberField("backoffs", s.backoffs());
        g.writeNumberField("discoveryMs", s.discoveryMs());
        g.writeNumberField("portScanMs", s.portScanMs());
        g.writeNumberField("evidenceMs", s.evidenceMs());
        g.writeNumberField("elapsedMs", s.elapsedMs());
        g.writeNumberField("probesPerSecond", s.probesPerSecond());
        g.writeEndObject();
    }

    /** {@code {"hosts":[…]}}, compact: the body of a daemon's result batch. */
    public static byte[] hostsBatch(List<ScanReport.Host> hosts) throws IOException {
        return hostsBatch(hosts, LocalDocker.NONE);
    }

    /** A batch body; the hosts that are this machine carry {@code docker}. */
    public static byte[] hostsBatch(List<ScanReport.Host> hosts, LocalDocker docker) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("hosts");
            for (ScanReport.Host h : hosts) {
                host(g, h, docker.forHost(h.ip()));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void port(JsonGenerator g, ScanReport.Port p) throws IOException {
        g.writeStartObject();
        g.writeNumberField("port", p.port());
        g.writeStringField("protocol", p.protocol());
        g.writeStringField("state", p.state());
        g.writeStringField("banner", p.banner());
        if (p.probe() != null) {
            g.writeStringField("probe", p.probe());
        }
        if (p.http() != null) {
            g.writeObjectFieldStart("http");
            g.writeNumberField("status", p.http().status());
            g.writeStringField("title", p.http().title());
            g.writeStringField("server", p.http().server());
            g.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> e : p.http().headers().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        if (p.tls() != null) {
            g.writeObjectFieldStart("tls");
            g.writeStringField("subject", p.tls().subject());
            g.writeStringField("issuer", p.tls().issuer());
            g.writeStringField("notAfter", p.tls().notAfter());
            g.writeBooleanField("expired", p.tls().expired());
            g.writeBooleanField("selfSigned", p.tls().selfSigned());
            g.writeArrayFieldStart("subjectAltNames");
            for (String n : p.tls().subjectAltNames()) {
                g.writeString(n);
            }
            g.writeEndArray();
            g.writeStringField("protocol", p.tls().protocol());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    public static void table(ScanReport report, PrintStream out) {
        for (ScanReport.Host h : report.hosts()) {
            StringBuilder head = new StringBuilder(h.ip());
            if (h.hostname() != null) {
                head.append("  (").append(h.hostname()).append(')');
            }
            if (h.mac() != null) {
                head.append("  MAC ").append(h.mac());
                if (h.vendor() != null) {
                    head.append(" [").append(h.vendor()).append(']');
                }
            }
            out.println(head);
            if (h.ports().isEmpty()) {
                out.println("  up, no open port among those scanned");
            } else {
                out.printf("  %-9s %-28s %4s  %s%n", "PORT", "SERVICE", "CONF", "REASON / BANNER");
                for (ScanReport.Port p : h.ports()) {
                    ScanReport.Service s = h.services().stream().filter(x -> x.port() == p.port()).findFirst().orElse(null);
                    String name = s == null ? "(unidentified)" : s.version() == null ? s.name() : s.name() + " " + s.version();
                    String conf = s == null ? "" : String.valueOf(s.confidence());
                    String detail = s == null ? (p.banner() == null ? "" : p.banner()) : s.reason();
                    out.printf("  %-9s %-28s %4s  %s%n", p.port() + "/" + p.protocol(), cut(name, 28), conf, cut(detail, 100));
                }
                List<Integer> un = h.unidentifiedPorts();
                if (!un.isEmpty()) {
                    out.println("  unidentified open ports: " + un);
                }
            }
            out.println();
        }
        ScanReport.Stats s = report.stats();
        out.printf("%d of %d addresses up, %d open ports; %d probes (%d/s), %d filtered, %d retries, %d back-offs; "
                        + "discovery %d ms, ports %d ms, evidence %d ms, total %d ms%n",
                s.hostsUp(), s.targets(), s.open(), s.probes(), s.probesPerSecond(), s.filtered(), s.retries(), s.backoffs(),
                s.discoveryMs(), s.portScanMs(), s.evidenceMs(), s.elapsedMs());
        for (String w : report.warnings()) {
            out.println("warning: " + w);
        }
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
