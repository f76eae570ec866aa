package io.topograph.hosts;

import java.time.Instant;

/** First/last seen times, with the texts the pages show for them. */
public interface Seen {

    Instant firstSeen();

    Instant lastSeen();

    default String firstSeenAgo() {
        return Ago.relative(firstSeen(), Instant.now());
    }

    default String lastSeenAgo() {
        return Ago.relative(lastSeen(), Instant.now());
    }

    default String firstSeenExact() {
        return Ago.exact(firstSeen());
    }

    default String lastSeenExact() {
        return Ago.exact(lastSeen());
    }
}
