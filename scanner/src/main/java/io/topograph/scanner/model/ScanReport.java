package io.topograph.scanner.model;

import java.util.List;
import java.util.Map;

/**
 * The result of a scan: the stable JSON contract
 * {@code {"hosts":[{"ip","mac","vendor","hostname","ports":[{"port","protocol","state","banner"}],
 * "services":[{"name","category","port","protocol","confidence","reason"}]}],"stats":{...}}}.
 * Fields may be added; none of the listed ones is removed or renamed. Written by
 * {@link io.topograph.scanner.output.ReportWriter}.
 */
public record ScanReport(List<Host> hosts, Stats stats, List<String> warnings) {

    public record Host(String ip, String mac, String vendor, String hostname, List<Port> ports, List<Service> services,
                       List<Integer> unidentifiedPorts) {
    }

    public record Port(int port, String protocol, String state, String banner,
                       String probe,
                       Http http,
                       Tls tls) {
    }

    public record Http(int status, String title, String server, Map<String, String> headers) {
    }

    public record Tls(String subject, String issuer, String notAfter, boolean expired, boolean selfSigned,
                      List<String> subjectAltNames, String protocol) {
    }

    public record Service(String id, String name, String category, String icon, int port, String protocol, int confidence,
                          String reason, String version) {
    }

    public record Stats(long targets, int hostsUp, int portsPerHost, long probes, long open, long closed, long filtered,
                        long unreachable, long retries, long backoffs, long discoveryMs, long portScanMs, long evidenceMs,
                        long elapsedMs, long probesPerSecond) {
    }
}
