package io.topograph.scanner.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The result of a scan: the stable JSON contract
 * {@code {"hosts":[{"ip","mac","vendor","hostname","ports":[{"port","protocol","state","banner"}],
 * "services":[{"name","category","port","protocol","confidence","reason"}]}],"stats":{...}}}.
 * Fields may be added; none of the listed ones is removed or renamed.
 */
@JsonPropertyOrder({"hosts", "stats", "warnings"})
public record ScanReport(List<Host> hosts, Stats stats, List<String> warnings) {

    @JsonPropertyOrder({"ip", "mac", "vendor", "hostname", "ports", "services", "unidentifiedPorts"})
    public record Host(String ip, String mac, String vendor, String hostname, List<Port> ports, List<Service> services,
                       List<Integer> unidentifiedPorts) {
    }

    @JsonPropertyOrder({"port", "protocol", "state", "banner", "probe", "http", "tls"})
    public record Port(int port, String protocol, String state, String banner,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String probe,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Http http,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Tls tls) {
    }

    @JsonPropertyOrder({"status", "title", "server", "headers"})
    public record Http(int status, String title, String server, Map<String, String> headers) {
    }

    @JsonPropertyOrder({"subject", "issuer", "notAfter", "expired", "selfSigned", "subjectAltNames", "protocol"})
    public record Tls(String subject, String issuer, String notAfter, boolean expired, boolean selfSigned,
                      List<String> subjectAltNames, String protocol) {
    }

    @JsonPropertyOrder({"id", "name", "category", "icon", "port", "protocol", "confidence", "reason"})
    public record Service(String id, String name, String category, String icon, int port, String protocol, int confidence,
                          String reason) {
    }

    @JsonPropertyOrder({"targets", "hostsUp", "portsPerHost", "probes", "open", "closed", "filtered", "unreachable",
        "retries", "backoffs", "discoveryMs", "portScanMs", "evidenceMs", "elapsedMs", "probesPerSecond"})
    public record Stats(long targets, int hostsUp, int portsPerHost, long probes, long open, long closed, long filtered,
                        long unreachable, long retries, long backoffs, long discoveryMs, long portScanMs, long evidenceMs,
                        long elapsedMs, long probesPerSecond) {
    }
}
