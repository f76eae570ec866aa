package io.topograph.scanner.engine;

/** Counters of one connect-scan run. */
public record ConnectStats(long probes, long open, long closed, long filtered, long unreachable, long retries,
                           long backoffs, int finalWindow, int peakInFlight, long elapsedMs) {
}
