package io.topograph.scanner.engine;

import io.topograph.scanner.catalog.Catalog;
import io.topograph.scanner.evidence.HostnameResolver;
import io.topograph.scanner.evidence.OuiDatabase;
import io.topograph.scanner.evidence.UdpProbe;
import io.topograph.scanner.evidence.UdpProber;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything that tunes a scan. Defaults: 1000 connects in flight, 100000 new probes per second,
 * 1000 ms connect timeout (at most; adaptive below it), 1 retry, discovery on, 64 evidence workers, reverse DNS by the system resolver, the UDP probes (DNS, NTP, SNMP, NetBIOS, mDNS, SSDP) on their usual ports.
 */
public record ScanOptions(int concurrency, int ratePerSecond, int timeoutMs, int retries, boolean discovery,
                          boolean collectEvidence, int evidenceThreads, int readTimeoutMs, int listenMs,
                          HostnameResolver resolver, Path neighbourTable, Supplier<OuiDatabase> oui, Supplier<Catalog> catalog,
                          Map<UdpProbe, Integer> udpProbes) {

    public static final int DEFAULT_CONCURRENCY = 1000;
    public static final int DEFAULT_RATE = 100_000;
    public static final int DEFAULT_TIMEOUT_MS = 1000;

    public static ScanOptions defaults() {
        return new ScanOptions(DEFAULT_CONCURRENCY, DEFAULT_RATE, DEFAULT_TIMEOUT_MS, 1, true, true, 64, 2000, 1000,
                HostnameResolver.SYSTEM, io.topograph.scanner.evidence.NeighbourTable.PROC_NET_ARP, OuiDatabase::bundled, Catalog::bundled, UdpProber.defaultPorts());
    }

    public ScanOptions withConcurrency(int v) {
        return new ScanOptions(v, ratePerSecond, timeoutMs, retries, discovery, collectEvidence, evidenceThreads, readTimeoutMs, listenMs, resolver, neighbourTable, oui, catalog, udpProbes);
    }

    public ScanOptions withRate(int v) {
        return new ScanOptions(concurrency, v, timeoutMs, retries, discovery, collectEvidence, evidenceThreads, readTimeoutMs, listenMs, resolver, neighbourTable, oui, catalog, udpProbes);
    }

    public ScanOptions withTimeoutMs(int v) {
        return new ScanOptions(concurrency, ratePerSecond, v, retries, discovery, collectEvidence, evidenceThreads, readTimeoutMs, listenMs, resolver, neighbourTable, oui, catalog, udpProbes);
    }

    public ScanOptions withRetries(int v) {
        return new ScanOptions(concurrency, ratePerSecond, timeoutMs, v, discovery, collectEvidence, evidenceThreads, readTimeoutMs, listenMs, resolver, neighbourTable, oui, catalog, udpProbes);
    }

    public ScanOptions withDiscovery(boolean v) {
        return new ScanOptions(concurrency, ratePerSecond, timeoutMs, retries, v, collectEvidence, evidenceThreads, readTimeoutMs, listenMs, resolver, neighbourTable, oui, catalog, udpProbes);
    }

    public ScanOptions withEvidence(boolean v) {
        return new ScanOptions(concurrency, ratePerSecond, timeoutMs, retries, discovery, v, evidenceThreads, readTimeoutMs, listenMs, resolver, neighbourTable, oui, catalog, udpProbes);
    }

    public ScanOptions withResolver(HostnameResolver v) {
        return new ScanOptions(concurrency, ratePerSecond, timeoutMs, retries, discovery, collectEvidence, evidenceThreads, readTimeoutMs, listenMs, v, neighbourTable, oui, catalog, udpProbes);
    }

    public ScanOptions withNeighbourTable(Path v) {
        return new ScanOptions(concurrency, ratePerSecond, timeoutMs, retries, discovery, collectEvidence, evidenceThreads, readTimeoutMs, listenMs, resolver, v, oui, catalog, udpProbes);
    }

    public ScanOptions withCatalog(Catalog v) {
        return withCatalog(() -> v);
    }

    /** The catalog, fetched when identification starts (it may still be loading while ports are scanned). */
    public ScanOptions withCatalog(Supplier<Catalog> v) {
        return new ScanOptions(concurrency, ratePerSecond, timeoutMs, retries, discovery, collectEvidence, evidenceThreads, readTimeoutMs, listenMs, resolver, neighbourTable, oui, v, udpProbes);
    }

    public ScanOptions withOui(OuiDatabase v) {
        return withOui(() -> v);
    }

    /** The MAC vendor registry, fetched only when a MAC address was found. */
    public ScanOptions withOui(Supplier<OuiDatabase> v) {
        return new ScanOptions(concurrency, ratePerSecond, timeoutMs, retries, discovery, collectEvidence, evidenceThreads, readTimeoutMs, listenMs, resolver, neighbourTable, v, catalog, udpProbes);
    }

    /** Which UDP probes to send to which port (empty: no UDP). */
    public ScanOptions withUdpProbes(Map<UdpProbe, Integer> v) {
        return new ScanOptions(concurrency, ratePerSecond, timeoutMs, retries, discovery, collectEvidence, evidenceThreads, readTimeoutMs, listenMs, resolver, neighbourTable, oui, catalog, Map.copyOf(v));
    }

    public ScanOptions withReadTimeouts(int readMs, int listen) {
        return new ScanOptions(concurrency, ratePerSecond, timeoutMs, retries, discovery, collectEvidence, evidenceThreads, readMs, listen, resolver, neighbourTable, oui, catalog, udpProbes);
    }
}
