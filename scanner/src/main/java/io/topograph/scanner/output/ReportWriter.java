package io.topograph.scanner.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.topograph.scanner.model.ScanReport;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** Writes a report as the JSON contract or as a table for people. */
public final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    public static String json(ScanReport report) throws IOException {
        return JSON.writeValueAsString(report);
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
                    String name = s == null ? "(unidentified)" : s.name();
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
