package io.topograph.scanner.evidence;

import java.util.Map;

/**
 * Evidence gathered on one open port ({@code pages}: known paths fetched besides {@code /}). {@code raw} is what the service sent, decoded byte for byte as
 * ISO-8859-1 (so patterns can match binary handshakes, e.g. {@code \x0a} for MySQL's protocol 10);
 * {@code banner} is its printable form for people; {@code probe} names the probe that obtained it.
 */
public record PortEvidence(int port, String probe, String raw, String banner, HttpInfo http, TlsInfo tls,
                           Map<String, HttpInfo> pages) {

    public PortEvidence(int port, String probe, String raw, String banner, HttpInfo http, TlsInfo tls) {
        this(port, probe, raw, banner, http, tls, Map.of());
    }

    /** This evidence plus further pages fetched from the same web service, by path. */
    public PortEvidence withPages(Map<String, HttpInfo> more) {
        return new PortEvidence(port, probe, raw, banner, http, tls, Map.copyOf(more));
    }

    public static PortEvidence none(int port) {
        return new PortEvidence(port, null, null, null, null, null);
    }

    public PortEvidence withTls(TlsInfo t) {
        return new PortEvidence(port, probe, raw, banner, http, t, pages);
    }
}
