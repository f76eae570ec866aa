package io.topograph.scanner.catalog;

import io.topograph.scanner.evidence.PortEvidence;

/** What is known about one open port ({@code protocol} "tcp" or "udp") of a host when rules are evaluated. */
public record MatchContext(int port, String protocol, PortEvidence evidence, String macVendor) {

    public MatchContext(int port, PortEvidence evidence, String macVendor) {
        this(port, "tcp", evidence, macVendor);
    }
}
