package io.topograph.scanner.engine;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The probes of one scan, handed out as they become known. With discovery, the discovery probes of
 * every target go out first, and a host's full port scan starts the moment it answers one of them —
 * hosts that are up do not wait for the silence of those that are not. Hosts in their full scan are
 * served round-robin, one probe each in turn, which spreads the load across hosts. Without discovery
 * every target gets every port, port by port across all targets.
 *
 * <p>Not thread-safe: the engine calls it (and {@link #onResult}) under one lock.
 */
final class ScanPlan implements ProbeSource {

    private final Iterator<Probe> discovery;
    private final Iterator<Probe> fixed;
    private final int[] fullPorts;
    private final ArrayDeque<Cursor> active = new ArrayDeque<>();
    private final Set<InetAddress> activated = new HashSet<>();
    private final Set<InetAddress> answered = new HashSet<>();
    private final boolean discovering;
    private int outstandingDiscovery;
    private boolean takeDiscovery = true;
    private long discoveryDoneNanos;

    private static final class Cursor {
        final InetAddress host;
        int next;

        Cursor(InetAddress host) {
            this.host = host;
        }
    }

    /** Discovery on {@code discoveryPorts}, then {@code fullPorts} on every host that answered. */
    static ScanPlan withDiscovery(Iterable<InetAddress> targets, int[] discoveryPorts, int[] fullPorts) {
        return new ScanPlan(Scanner.probes(targets, discoveryPorts, false), null, fullPorts, true);
    }

    /** Every port of every target, port by port across targets. */
    static ScanPlan everything(Iterable<InetAddress> targets, int[] ports) {
        return new ScanPlan(null, Scanner.probes(targets, ports, false), new int[0], false);
    }

    private ScanPlan(Iterator<Probe> discovery, Iterator<Probe> fixed, int[] fullPorts, boolean discovering) {
        this.discovery = discovery;
        this.fixed = fixed;
        this.fullPorts = fullPorts;
        this.discovering = discovering;
    }

    @Override
    public boolean hasNext() {
        return (discovery != null && discovery.hasNext()) || (fixed != null && fixed.hasNext()) || !active.isEmpty();
    }

    @Override
    public Probe next() {
        boolean d = discovery != null && discovery.hasNext();
        if (d && (takeDiscovery || active.isEmpty())) {
            takeDiscovery = false;
            outstandingDiscovery++;
            return discovery.next();
        }
        takeDiscovery = true;
        if (!active.isEmpty()) {
            Cursor c = active.poll();
            int port = fullPorts[c.next++];
            if (c.next < fullPorts.length) {
                active.add(c);
            }
            return new Probe(c.host, port, 0, true);
        }
        if (fixed != null && fixed.hasNext()) {
            Probe p = fixed.next();
            // once a host has answered, its timeouts mean filtering or congestion: let them steer the back-off
            return answered.contains(p.address()) ? new Probe(p.address(), p.port(), 0, true) : p;
        }
        throw new NoSuchElementException();
    }

    @Override
    public boolean finished() {
        return !hasNext() && outstandingDiscovery == 0;
    }

    /** Called with every final outcome: hosts that answer start their full scan. */
    void onResult(Probe probe, PortState state) {
        if (!discovering && (state == PortState.OPEN || state == PortState.CLOSED)) {
            answered.add(probe.address());
        }
        if (discovering && !probe.adaptive()) {
            outstandingDiscovery--;
            if (outstandingDiscovery == 0 && !discovery.hasNext()) {
                discoveryDoneNanos = System.nanoTime();
            }
        }
        // only discovery probes can reveal a host: the full scan's probes go to hosts already activated
        if (discovering && !probe.adaptive() && (state == PortState.OPEN || state == PortState.CLOSED) && fullPorts.length > 0
                && activated.add(probe.address())) {
            active.add(new Cursor(probe.address()));
        }
    }

    /** When every discovery probe had its outcome (0 without discovery or while it runs). */
    long discoveryDoneNanos() {
        return discoveryDoneNanos;
    }
}
