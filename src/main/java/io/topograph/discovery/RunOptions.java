package io.topograph.discovery;

import io.micronaut.serde.annotation.Serdeable;

/** How a daemon scans (stored with the run, sent in the claim). Printer ports stay off: probing them can print garbage. */
@Serdeable
public record RunOptions(int ratePerSecond, int timeoutMs, boolean udp, boolean printerPorts) {

    public static RunOptions defaults() {
        return new RunOptions(100_000, 1_000, true, false);
    }
}
