package io.topograph.scanner.engine;

import java.net.InetAddress;

/**
 * One connect attempt. {@code adaptive} probes feed the congestion control (their timeouts shrink the
 * window); probes to hosts not yet known to be up do not, since silence is their normal answer. Only
 * hosts known to be up (they answered, open or refused) get adaptive probes.
 */
public record Probe(InetAddress address, int port, int attempt, boolean adaptive) {
    public Probe retry() {
        return new Probe(address, port, attempt + 1, adaptive);
    }
}
