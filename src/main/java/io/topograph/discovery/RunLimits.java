package io.topograph.discovery;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * How long runs may wait and work, and how long finished runs are kept
 * ({@code topograph.discovery.*}; defaults in parentheses):
 * <ul>
 *   <li>{@code unclaimed-timeout} (1h): a QUEUED run no daemon claimed within it (counted from when
 *       it was last queued) becomes TIMED_OUT with a reason people can read;</li>
 *   <li>{@code max-run-duration} (24h): a RUNNING run started longer ago becomes TIMED_OUT; its
 *       daemon learns it at its next progress report or heartbeat and stops;</li>
 *   <li>{@code run-retention-days} (90) and {@code run-retention-keep} (20): finished runs older than
 *       that are deleted, except each network's newest {@code keep} runs.</li>
 * </ul>
 * A zero duration ({@code 0s}) turns that limit off.
 */
@Singleton
public class RunLimits {

    private final Duration unclaimedTimeout;
    private final Duration maxRunDuration;
    private final int retentionDays;
    private final int retentionKeep;

    public RunLimits(@Value("${topograph.discovery.unclaimed-timeout:1h}") Duration unclaimedTimeout,
                     @Value("${topograph.discovery.max-run-duration:24h}") Duration maxRunDuration,
                     @Value("${topograph.discovery.run-retention-days:90}") int retentionDays,
                     @Value("${topograph.discovery.run-retention-keep:20}") int retentionKeep) {
        this.unclaimedTimeout = unclaimedTimeout;
        this.maxRunDuration = maxRunDuration;
        this.retentionDays = retentionDays;
        this.retentionKeep = Math.max(0, retentionKeep);
    }

    public Duration unclaimedTimeout() {
        return unclaimedTimeout;
    }

    public Duration maxRunDuration() {
        return maxRunDuration;
    }

    /** Days a finished run is kept; zero or less keeps runs forever. */
    public int retentionDays() {
        return retentionDays;
    }

    /** Newest runs of each network kept whatever their age. */
    public int retentionKeep() {
        return retentionKeep;
    }

    public static boolean enabled(Duration limit) {
        return limit != null && !limit.isZero() && !limit.isNegative();
    }

    /** Why a queued run expired: "No daemon of this network claimed the run within 1 hour." */
    public static String unclaimedReason(Duration timeout) {
        return "No daemon of this network claimed the run within " + words(timeout) + ".";
    }

    public static String tooLongReason(Duration limit) {
        return "The run took longer than the limit of " + words(limit) + " and was stopped.";
    }

    /** A duration in words, in its largest whole unit: "1 hour", "90 minutes", "2 days", "45 seconds". */
    static String words(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 86_400 && s % 86_400 == 0) {
            return plural(s / 86_400, "day");
        }
        if (s >= 3_600 && s % 3_600 == 0) {
            return plural(s / 3_600, "hour");
        }
        if (s >= 60 && s % 60 == 0) {
            return plural(s / 60, "minute");
        }
        return plural(s, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
