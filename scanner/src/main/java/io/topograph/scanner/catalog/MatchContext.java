package io.topograph.scanner.catalog;

import io.topograph.scanner.evidence.PortEvidence;

/** What is known about one open port of a host when rules are evaluated. */
public record MatchContext(int port, PortEvidence evidence, String macVendor) {
}
