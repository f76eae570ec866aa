package io.topograph.scanner.daemon;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off for server trouble: 1 s, 2 s, 4 s … up to 60 s, each delay spread by ±25 %
 * (jitter, so daemons that lost the server together do not come back together), never above 60 s.
 */
final class Backoff {

    static final long FIRST_MS = 1000;
    static final long MAX_MS = 60_000;

    private int failures;

    Duration next() {
        long base = Math.min(MAX_MS, FIRST_MS << Math.min(failures, 16));
        failures++;
        double jitter = 0.75 + 0.5 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.min(MAX_MS, Math.round(base * jitter)));
    }

    void reset() {
        failures = 0;
    }

    int failures() {
        return failures;
    }
}
