package io.topograph.discovery.ingest;

/** Which identity rule decided that a reported host is a known one (stored as {@code host_observations.matched_by}). */
enum MatchRule {
    /** A MAC address on any interface of the host. */
    MAC("MAC address"),
    /** The same address on the same subnet, with no conflicting MAC. */
    SUBNET_IP("subnet and IP address"),
    /** The host name, case-insensitively, on a host with no conflicting MAC. */
    HOSTNAME("host name"),
    /** No rule matched: a host seen for the first time. */
    NEW("new host");

    private final String label;

    MatchRule(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
