package io.topograph.scanner.evidence;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Sends the UDP probes to every host on one selector thread (at most {@code window} in flight), waits
 * {@code timeoutMs} for each answer and tries once more when none came. A UDP port counts as open only
 * when it answered; an ICMP "port unreachable" or silence leaves it unreported.
 */
public final class UdpProber {

    /** One answered UDP probe. */
    public record Answer(InetAddress address, int port, UdpProbe probe, String raw, String banner) {
    }

    private final Map<UdpProbe, Integer> ports;
    private final int timeoutMs;
    private final int window;

    /** @param ports which probes to send, to which port (the defaults are the probes' usual ports) */
    public UdpProber(Map<UdpProbe, Integer> ports, int timeoutMs, int window) {
        this.ports = ports;
        this.timeoutMs = timeoutMs;
        this.window = Math.max(1, window);
    }

    public static Map<UdpProbe, Integer> defaultPorts() {
        Map<UdpProbe, Integer> m = new java.util.EnumMap<>(UdpProbe.class);
        for (UdpProbe p : UdpProbe.values()) {
            m.put(p, p.defaultPort);
        }
        return m;
    }

    private record Task(InetAddress address, UdpProbe probe, int port, int attempt) {
    }

    private static final class Pending {
        final Task task;
        final DatagramChannel channel;
        final int id;
        final long deadline;
        boolean done;

        Pending(Task task, DatagramChannel channel, int id, long deadline) {
            this.task = task;
            this.channel = channel;
            this.id = id;
            this.deadline = deadline;
        }
    }

    /**
     * Hosts handed over while they are found (the TCP scan adds each host the moment it answers), so
     * their UDP probes go out during the port scan instead of after it. {@link #close()} says no more come.
     */
    public static final class Feed {
        private final ArrayDeque<InetAddress> hosts = new ArrayDeque<>();
        private boolean closed;

        public synchronized void add(InetAddress host) {
            hosts.add(host);
            notifyAll();
        }

        public synchronized void close() {
            closed = true;
            notifyAll();
        }

        /** Moves the hosts handed over so far into {@code into}; waits up to {@code waitMs} for one when {@code wait}. */
        synchronized boolean drain(List<InetAddress> into, boolean wait, long waitMs) throws InterruptedIOException {
            if (wait && hosts.isEmpty() && !closed) {
                try {
                    wait(Math.max(1, waitMs));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("UDP probes cancelled");
                }
            }
            into.addAll(hosts);
            hosts.clear();
            return closed && hosts.isEmpty();
        }
    }

    public List<Answer> probe(List<InetAddress> hosts) throws IOException {
        Feed feed = new Feed();
        hosts.forEach(feed::add);
        feed.close();
        return probe(feed);
    }

    /** Probes every host of {@code feed} as it arrives, until the feed is closed and every probe is done. */
    public List<Answer> probe(Feed feed) throws IOException {
        ArrayDeque<Task> todo = new ArrayDeque<>();
        List<InetAddress> arrived = new ArrayList<>();
        boolean feedDone = false;
        List<Answer> answers = new ArrayList<>();
        ArrayDeque<Pending> inFlight = new ArrayDeque<>();
        ByteBuffer buf = ByteBuffer.allocate(9000);
        try (Selector selector = Selector.open()) {
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("UDP probes cancelled");
                }
                if (!feedDone) {
                    // nothing to do but wait for hosts: block on the feed; else only look at what arrived
                    boolean idle = todo.isEmpty() && inFlight.isEmpty();
                    feedDone = feed.drain(arrived, idle, 50);
                    for (Map.Entry<UdpProbe, Integer> e : ports.entrySet()) {
                        for (InetAddress h : arrived) {
                            todo.add(new Task(h, e.getKey(), e.getValue(), 0));
                        }
                    }
                    arrived.clear();
                }
                if (todo.isEmpty() && inFlight.isEmpty()) {
                    if (feedDone) {
                        break;
                    }
                    continue;
                }
                while (!todo.isEmpty() && inFlight.size() < window) {
                    Task t = todo.poll();
                    DatagramChannel ch = DatagramChannel.open();
                    try {
                        ch.configureBlocking(false);
                        ch.connect(new InetSocketAddress(t.address(), t.port()));
                        int id = UdpProbe.newId();
                        ch.write(ByteBuffer.wrap(t.probe().request(t.address().getHostAddress(), id)));
                        Pending p = new Pending(t, ch, id, System.nanoTime() + timeoutMs * 1_000_000L);
                        ch.register(selector, SelectionKey.OP_READ, p);
                        inFlight.add(p);
                    } catch (IOException e) {
                        ch.close(); // unreachable right away: nothing listens
                    }
                }
                long wait = inFlight.isEmpty() ? 1 : Math.max(1, (inFlight.peek().deadline - System.nanoTime()) / 1_000_000);
                if (!feedDone) {
                    wait = Math.min(wait, 10); // look for new hosts now and then
                }
                selector.select(wait);
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    Pending p = (Pending) key.attachment();
                    if (p.done) {
                        continue;
                    }
                    buf.clear();
                    try {
                        if (p.channel.read(buf) <= 0) {
                            continue;
                        }
                    } catch (PortUnreachableException e) {
                        p.done = true; // closed
                        p.channel.close();
                        continue;
                    } catch (IOException e) {
                        p.done = true;
                        p.channel.close();
                        continue;
                    }
                    byte[] reply = new byte[buf.position()];
                    buf.flip();
                    buf.get(reply);
                    String banner = p.task.probe().describe(reply, p.id);
                    if (banner != null) {
                        p.done = true;
                        p.channel.close();
                        String raw = Bytes.latin1(reply, reply.length);
                        answers.add(new Answer(p.task.address(), p.task.port(), p.task.probe(), banner + "\n" + raw, Bytes.printable(banner, 512)));
                    }
                }
                long now = System.nanoTime();
                while (!inFlight.isEmpty() && (inFlight.peek().done || inFlight.peek().deadline <= now)) {
                    Pending p = inFlight.poll();
                    if (!p.done) {
                        p.done = true;
                        p.channel.close();
                        if (p.task.attempt() == 0) {
                            todo.add(new Task(p.task.address(), p.task.probe(), p.task.port(), 1));
                        }
                    }
                }
            }
        } finally {
            for (Pending p : inFlight) {
                p.channel.close();
            }
        }
        return answers;
    }
}
