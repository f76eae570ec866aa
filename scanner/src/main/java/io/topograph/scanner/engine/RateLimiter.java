package io.topograph.scanner.engine;

/** Token bucket: {@code rate} probes per second, bursts of at most 10 ms worth of tokens (at least 1). */
final class RateLimiter {
    private final double rate;
    private final double capacity;
    private double tokens;
    private long last;

    RateLimiter(double ratePerSecond) {
        this.rate = ratePerSecond;
        this.capacity = Math.max(1.0, ratePerSecond / 100.0);
        this.tokens = capacity;
        this.last = System.nanoTime();
    }

    boolean unlimited() {
        return rate <= 0;
    }

    boolean tryAcquire(long now) {
        if (unlimited()) {
            return true;
        }
        refill(now);
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return true;
        }
        return false;
    }

    /** Nanoseconds until one token is available. */
    long nanosUntilToken(long now) {
        if (unlimited()) {
            return 0;
        }
        refill(now);
        return tokens >= 1.0 ? 0 : (long) Math.ceil((1.0 - tokens) / rate * 1e9);
    }

    private void refill(long now) {
        double add = (now - last) / 1e9 * rate;
        if (add > 0) {
            tokens = Math.min(capacity, tokens + add);
            last = now;
        }
    }
}
