package io.topograph.scanner.engine;

import io.topograph.scanner.catalog.Catalog;
import io.topograph.scanner.catalog.Matcher;
import io.topograph.scanner.catalog.ServiceMatch;
import io.topograph.scanner.evidence.EvidenceCollector;
import io.topograph.scanner.evidence.HttpInfo;
import io.topograph.scanner.evidence.NeighbourTable;
import io.topograph.scanner.evidence.OuiDatabase;
import io.topograph.scanner.evidence.PortEvidence;
import io.topograph.scanner.evidence.TlsInfo;
import io.topograph.scanner.evidence.UdpProber;
import io.topograph.scanner.model.ScanReport;
import io.topograph.scanner.target.TargetSet;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a whole scan: (1) host discovery, probing a few common ports of every target (a host is up when
 * any port answers open or refused), and (2) the TCP connect scan of the profile's ports on each host
 * that is up, starting the moment it answered (one engine run, see {@link ScanPlan}); (3) evidence on
 * every open port as soon as it is found, UDP probes, reverse DNS and neighbour-table MACs;
 * (4) identification against the catalog. Discovery is skipped for a single target or a short port
 * list, and can be turned off (every target is then scanned in full).
 */
public final class Scanner {

    /** Ports probed in the discovery phase: what most hosts answer on, open or refused. */
    static final int[] DISCOVERY_PORTS = {80, 443, 22, 445, 3389, 139, 135, 8080, 53, 21, 23, 25, 5900, 8443, 62078, 7000, 111, 3306, 5432, 8000};

    /**
     * Progress of a scan, called from the engine's and the evidence workers' threads: {@code phase} is
     * "ports" (every 1024 probes; total unknown, 0) or "evidence" (per open port, of a known total).
     */
    public interface Progress {
        void phase(String phase, long done, long total);

        /** A host answered for the first time (open or refused): it will be in the report. */
        default void hostUp(InetAddress address) {
        }
    }

    private final ScanOptions options;

    public Scanner(ScanOptions options) {
        this.options = options;
    }

    private static final class HostState {
        boolean up;
        final TreeSet<Integer> open = new TreeSet<>();
    }

    /**
     * Runs the scan on the calling thread (plus the engine's and the evidence workers' threads).
     * Interrupting the calling thread cancels it: every socket is closed and InterruptedException thrown.
     */
    public ScanReport scan(TargetSet targets, int[] ports, Progress progress) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        Map<InetAddress, HostState> hosts = new HashMap<>();
        Set<Integer> profile = new LinkedHashSet<>();
        for (int p : ports) {
            profile.add(p);
        }
        long[] counts = new long[7]; // probes, open, closed, filtered, unreachable, retries, backoffs
        ParallelConnectScanner engine = new ParallelConnectScanner(options.concurrency(), options.ratePerSecond(), options.timeoutMs(),
                options.retries(), ParallelConnectScanner.defaultThreads());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.evidenceThreads()), r -> {
            Thread t = new Thread(r, "evidence");
            t.setDaemon(true);
            return t;
        });
        EvidenceCollector collector = new EvidenceCollector(options.timeoutMs(), options.readTimeoutMs(), options.listenMs());
        // one matcher for the whole scan (evidence workers and identification): it identifies the same evidence once
        SharedMatcher shared = new SharedMatcher(options);
        // evidence is collected while the port scan goes on: each open port is handed over as soon as it is found
        Map<InetAddress, Map<Integer, Future<PortEvidence>>> futures = new HashMap<>();
        OpenPortListener onOpen = (address, port) -> futures.computeIfAbsent(address, k -> new TreeMap<>())
                .put(port, options.collectEvidence() ? pool.submit(() -> withKnownPages(collector, shared, address, port)) : null);
        // UDP probes go to each host the moment it answers, while the port scan goes on
        UdpProber.Feed udpFeed = null;
        Future<List<UdpProber.Answer>> udpAnswers = null;
        if (options.collectEvidence() && !options.udpProbes().isEmpty()) {
            UdpProber prober = new UdpProber(options.udpProbes(), Math.min(1000, options.readTimeoutMs()), 256);
            UdpProber.Feed feed = new UdpProber.Feed();
            udpFeed = feed;
            udpAnswers = pool.submit(() -> prober.probe(feed));
        }
        UdpProber.Feed hostFeed = udpFeed;
        Progress upListener = progress == null && hostFeed == null ? null : new Progress() {
            @Override
            public void phase(String phase, long done, long total) {
                if (progress != null) {
                    progress.phase(phase, done, total);
                }
            }

            @Override
            public void hostUp(InetAddress address) {
                if (hostFeed != null) {
                    hostFeed.add(address);
                }
                if (progress != null) {
                    progress.hostUp(address);
                }
            }
        };

        // 1+2. discovery and port scan in one run: a host's port scan starts as soon as it answers
        boolean discover = options.discovery() && targets.size() > 1 && ports.length > 2 * DISCOVERY_PORTS.length;
        Set<Integer> discoverySet = new LinkedHashSet<>();
        ScanPlan plan;
        if (discover) {
            for (int p : DISCOVERY_PORTS) {
                discoverySet.add(p);
            }
            int[] full = profile.stream().filter(p -> !discoverySet.contains(p)).mapToInt(Integer::intValue).toArray();
            plan = ScanPlan.withDiscovery(targets, DISCOVERY_PORTS, full);
        } else {
            plan = ScanPlan.everything(targets, ports);
        }
        long[] done = {0};
        long scanBegin = System.nanoTime();
        ConnectStats s;
        try {
            s = engine.run(plan, (probe, state) -> {
                // nearly every outcome is a refusal from a host known to be up (adaptive probes only go to
                // hosts that answered): nothing to record, and a short hot path is cheap to compile
                if (state != PortState.CLOSED || !probe.adaptive()) {
                    record(hosts, probe, state, profile, onOpen, upListener);
                    plan.onResult(probe, state);
                }
                if (progress != null && (++done[0] & 1023) == 0) {
                    progress.phase("ports", done[0], 0);
                }
            });
        } catch (java.io.InterruptedIOException e) {
            pool.shutdownNow();
            throw new InterruptedException("scan cancelled");
        } catch (IOException | InterruptedException | RuntimeException e) {
            pool.shutdownNow();
            throw e;
        } finally {
            if (udpFeed != null) {
                udpFeed.close(); // every host that will be probed was handed over
            }
        }
        add(counts, s);
        long discoveryMs = discover && plan.discoveryDoneNanos() > 0 ? (plan.discoveryDoneNanos() - scanBegin) / 1_000_000 : 0;
        long portScanMs = s.elapsedMs();

        // 3. the rest of the evidence, names, MACs
        long evidenceBegin = System.nanoTime();
        List<InetAddress> up = new ArrayList<>();
        for (Map.Entry<InetAddress, HostState> e : hosts.entrySet()) {
            if (e.getValue().up) {
                up.add(e.getKey());
            }
        }
        up.sort(Scanner::compareAddresses);
        Map<InetAddress, Map<Integer, PortEvidence>> evidence = new HashMap<>();
        Map<InetAddress, Map<Integer, PortEvidence>> udp = new HashMap<>();
        Map<InetAddress, String> names = new HashMap<>();
        try {
            Map<InetAddress, Future<String>> nameFutures = new LinkedHashMap<>();
            if (options.resolver() != null) {
                for (InetAddress a : up) {
                    nameFutures.put(a, pool.submit(() -> options.resolver().lookup(a)));
                }
            }
            long evidenceTotal = futures.values().stream().mapToLong(Map::size).sum();
            long evidenceDone = 0;
            for (InetAddress a : up) {
                Map<Integer, PortEvidence> byPort = new TreeMap<>();
                for (Map.Entry<Integer, Future<PortEvidence>> f : futures.getOrDefault(a, Map.of()).entrySet()) {
                    byPort.put(f.getKey(), f.getValue() == null ? PortEvidence.none(f.getKey()) : get(f.getValue(), PortEvidence.none(f.getKey())));
                    if (progress != null) {
                        progress.phase("evidence", ++evidenceDone, evidenceTotal);
                    }
                }
                evidence.put(a, byPort);
            }
            for (Map.Entry<InetAddress, Future<String>> e : nameFutures.entrySet()) {
                names.put(e.getKey(), get(e.getValue(), null));
            }
            if (udpAnswers != null) {
                for (UdpProber.Answer a : get(udpAnswers, List.<UdpProber.Answer>of())) {
                    udp.computeIfAbsent(a.address(), k -> new TreeMap<>())
                            .put(a.port(), new PortEvidence(a.port(), "udp-" + a.probe().name().toLowerCase(), a.raw(), a.banner(), null, null));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, String> macs = options.neighbourTable() == null ? Map.of() : NeighbourTable.read(options.neighbourTable());
        long evidenceMs = (System.nanoTime() - evidenceBegin) / 1_000_000;

        // 4. identification and report
        // the registry (a few hundred kB to unpack) only when a host of this scan has a MAC, not for any
        // entry of the neighbour table (the gateway's is nearly always there)
        boolean anyMac = false;
        for (InetAddress a : up) {
            anyMac |= a instanceof Inet4Address && macs.containsKey(a.getHostAddress());
        }
        OuiDatabase oui = anyMac ? options.oui().get() : null;
        Matcher matcher = shared.get();
        List<ScanReport.Host> out = new ArrayList<>();
        for (InetAddress a : up) {
            String ip = a.getHostAddress();
            String mac = a instanceof Inet4Address ? macs.get(ip) : null;
            String vendor = mac == null || oui == null ? null : oui.vendor(mac);
            Map<Integer, PortEvidence> ev = evidence.getOrDefault(a, Map.of());
            Map<Integer, PortEvidence> udpEv = udp.getOrDefault(a, Map.of());
            Matcher.HostResult identified = matcher.identify(ev, udpEv, vendor);
            List<ScanReport.Port> portList = new ArrayList<>();
            for (Map.Entry<Integer, PortEvidence> e : ev.entrySet()) {
                portList.add(port(e.getKey(), "tcp", e.getValue()));
            }
            for (Map.Entry<Integer, PortEvidence> e : udpEv.entrySet()) {
                portList.add(port(e.getKey(), "udp", e.getValue()));
            }
            List<ScanReport.Service> services = new ArrayList<>();
            for (ServiceMatch m : identified.services()) {
                services.add(new ScanReport.Service(m.definition().id(), m.definition().name(), m.definition().category(),
                        m.definition().icon(), m.port(), m.protocol(), m.confidence(), m.reason(), m.version()));
            }
            out.add(new ScanReport.Host(ip, mac, vendor, names.get(a), portList, services, identified.unidentifiedPorts()));
        }
        long elapsed = (System.nanoTime() - begin) / 1_000_000;
        long scanMs = Math.max(1, portScanMs);
        long openInProfile = out.stream().flatMap(h -> h.ports().stream()).filter(p -> p.protocol().equals("tcp")).count(); // discovery may hit ports outside the profile
        ScanReport.Stats stats = new ScanReport.Stats(targets.size(), up.size(), ports.length, counts[0], openInProfile, counts[2],
                counts[3], counts[4], counts[5], counts[6], discoveryMs, portScanMs, evidenceMs, elapsed, counts[0] * 1000 / scanMs);
        return new ScanReport(out, stats, targets.warnings());
    }

    /**
     * Evidence of one port; for a web service whose root page identified nothing specific (no match,
     * a generic one, or one weaker than content), the catalog's known paths are fetched too.
     */
    private PortEvidence withKnownPages(EvidenceCollector collector, SharedMatcher matcher, InetAddress address, int port) {
        PortEvidence e = collector.collect(address, port);
        if (e.http() == null) {
            return e;
        }
        List<String> paths = matcher.probePaths();
        ServiceMatch m = matcher.get().best(new io.topograph.scanner.catalog.MatchContext(port, e, null));
        if (paths.isEmpty() || (m != null && !m.definition().generic() && m.strength() >= 4)) {
            return e;
        }
        return collector.withPages(address, port, e, paths);
    }

    /** The scan's matcher, made when first needed (the catalog may still be loading when the scan starts). */
    private static final class SharedMatcher {
        private final ScanOptions options;
        private volatile Matcher matcher;
        private List<String> probePaths;

        SharedMatcher(ScanOptions options) {
            this.options = options;
        }

        Matcher get() {
            Matcher m = matcher;
            if (m == null) {
                synchronized (this) {
                    m = matcher;
                    if (m == null) {
                        Catalog catalog = options.catalog().get();
                        probePaths = catalog.probePaths();
                        m = new Matcher(catalog);
                        matcher = m;
                    }
                }
            }
            return m;
        }

        /** The paths the catalog's httpGet rules want fetched. */
        List<String> probePaths() {
            get();
            return probePaths; // written before the volatile matcher, read after it
        }
    }

    private static <T> T get(Future<T> f, T fallback) throws InterruptedException {
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            f.cancel(true);
            return fallback;
        }
    }

    private static ScanReport.Port port(int port, String protocol, PortEvidence e) {
        ScanReport.Http http = null;
        HttpInfo h = e.http();
        if (h != null) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> hv : h.headers().entrySet()) {
                if (!hv.getKey().equals("set-cookie")) {
                    headers.put(hv.getKey(), String.join(", ", hv.getValue()));
                }
            }
            http = new ScanReport.Http(h.status(), h.title(), h.header("server"), headers);
        }
        ScanReport.Tls tls = null;
        TlsInfo t = e.tls();
        if (t != null) {
            tls = new ScanReport.Tls(t.subject(), t.issuer(), t.notAfter(), t.expired(), t.selfSigned(), t.subjectAltNames(), t.protocol());
        }
        return new ScanReport.Port(port, protocol, "open", e.banner(), e.probe(), http, tls);
    }

    @FunctionalInterface
    private interface OpenPortListener {
        void opened(InetAddress address, int port);
    }

    private static void record(Map<InetAddress, HostState> hosts, Probe probe, PortState state, Set<Integer> profile, OpenPortListener onOpen,
                               Progress progress) {
        if (state == PortState.OPEN || state == PortState.CLOSED) {
            HostState h = hosts.computeIfAbsent(probe.address(), k -> new HostState());
            if (!h.up && progress != null) {
                progress.hostUp(probe.address());
            }
            h.up = true;
            if (state == PortState.OPEN && profile.contains(probe.port()) && h.open.add(probe.port())) {
                onOpen.opened(probe.address(), probe.port());
            }
        }
    }

    private static void add(long[] counts, ConnectStats s) {
        counts[0] += s.probes();
        counts[1] += s.open();
        counts[2] += s.closed();
        counts[3] += s.filtered();
        counts[4] += s.unreachable();
        counts[5] += s.retries();
        counts[6] += s.backoffs();
    }

    /** Port-major order (every host's port 1, then every host's port 2, …) spreads the load across hosts. */
    static Iterator<Probe> probes(Iterable<InetAddress> hosts, int[] ports, boolean adaptive) {
        return new Iterator<>() {
            int portIndex;
            Iterator<InetAddress> hostIt = ports.length == 0 ? null : hosts.iterator();

            @Override
            public boolean hasNext() {
                while (hostIt != null && !hostIt.hasNext()) {
                    portIndex++;
                    hostIt = portIndex < ports.length ? hosts.iterator() : null;
                }
                return hostIt != null;
            }

            @Override
            public Probe next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return new Probe(hostIt.next(), ports[portIndex], 0, adaptive);
            }
        };
    }

    static int compareAddresses(InetAddress x, InetAddress y) {
        byte[] a = x.getAddress();
        byte[] b = y.getAddress();
        if (a.length != b.length) {
            return Integer.compare(a.length, b.length);
        }
        return Arrays.compareUnsigned(a, b);
    }

    static final Comparator<InetAddress> ADDRESS_ORDER = Scanner::compareAddresses;
}
