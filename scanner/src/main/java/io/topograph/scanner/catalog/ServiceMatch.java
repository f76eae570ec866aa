package io.topograph.scanner.catalog;

import java.util.List;

/** A service identified on one port, why (the satisfied conditions), and how sure we are. */
public record ServiceMatch(ServiceDefinition definition, int port, String protocol, List<Rule.Hit> hits, int strength, int confidence,
                           String reason, boolean claimedByOwner) {

    /** The version a satisfied pattern captured with a {@code (?<version>...)} group, or null. */
    public String version() {
        for (Rule.Hit h : hits) {
            if (h.version() != null) {
                return h.version();
            }
        }
        return null;
    }
}
