package io.topograph.notifications;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Delivery tuning ({@code topograph.notifications.*}). A failed attempt n (1-based) is retried
 * after {@code retry-base × 2^(n-1)}, capped at {@link #MAX_DELAY}; after {@code max-attempts}
 * attempts the delivery is FAILED. Defaults: 1 min base, 8 attempts (retries after 1, 2, 4, 8, 16,
 * 32 and 64 minutes: about two hours in all).
 */
@Singleton
public class NotificationSettings {

    static final Duration MAX_DELAY = Duration.ofHours(12);

    private final Duration retryBase;
    private final int maxAttempts;
    private final Duration webhookTimeout;
    private final Duration logRetention;

    public NotificationSettings(@Value("${topograph.notifications.retry-base:60s}") Duration retryBase,
                                @Value("${topograph.notifications.max-attempts:8}") int maxAttempts,
                                @Value("${topograph.notifications.webhook-timeout:10s}") Duration webhookTimeout,
                                @Value("${topograph.notifications.log-retention:90d}") Duration logRetention) {
        this.retryBase = retryBase;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.webhookTimeout = webhookTimeout;
        this.logRetention = logRetention;
    }

    /** Delivered and failed deliveries older than this leave the log. */
    public Duration logRetention() {
        return logRetention;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration webhookTimeout() {
        return webhookTimeout;
    }

    /** How long to wait after failed attempt {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        return backoff(retryBase, attempt);
    }

    static Duration backoff(Duration base, int attempt) {
        int exponent = Math.min(Math.max(attempt, 1) - 1, 30);
        Duration delay = base.multipliedBy(1L << exponent);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** A claim lapses after this long, so a node that dies mid-send leaves the row to another. */
    public Duration claimFor() {
        return webhookTimeout.multipliedBy(3).plusSeconds(30);
    }
}
