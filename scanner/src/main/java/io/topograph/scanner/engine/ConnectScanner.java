package io.topograph.scanner.engine;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.Iterator;
import java.util.function.BiConsumer;

/**
 * TCP connect scanner on one thread: non-blocking {@link SocketChannel}s multiplexed by a
 * {@link Selector}, up to {@code concurrency} connects in flight, started no faster than the rate limit.
 *
 * <p>Adaptive back-off (AIMD, like TCP congestion control): completions of adaptive probes are counted
 * in epochs of about one window; when more than 20% of an epoch timed out, the in-flight window is halved
 * (not below {@code max(8, concurrency/32)}); when fewer than 5% did, it grows by a quarter, up to the
 * configured concurrency. Timed-out probes are retried {@code retries} times. Open connections are closed
 * with a reset (SO_LINGER 0) so no TIME_WAIT state piles up.
 *
 * <p>Slow start: the window opens at {@link #INITIAL_WINDOW} and grows by one per answered probe (doubling
 * every round trip) up to the concurrency, so the first timeouts are measured before thousands of probes
 * are in flight.
 *
 * <p>Adaptive timeout (like TCP's retransmission timer): round-trip times of answered probes feed a
 * smoothed estimate; once 16 answers were seen a probe waits {@code srtt + 4 * rttvar}, at least
 * {@link #MIN_TIMEOUT_MS} and never more than the configured timeout, which is also the wait before
 * enough answers are known. A retry waits twice as long as the attempt before it (capped the same way).
 */
public final class ConnectScanner {

    /** The adaptive timeout never goes below this (nor above the configured timeout). */
    public static final int MIN_TIMEOUT_MS = 250;
    /** Probes in flight at the start, before any answer was seen. */
    public static final int INITIAL_WINDOW = 32;

    private final int concurrency;
    private final double rate;
    private final int timeoutMs;
    private final int retries;
    private final int minWindow;
    /** Whether refusals can be read without an exception ({@link PendingError}). */
    private final boolean fastErrors = PendingError.available();

    public ConnectScanner(int concurrency, double ratePerSecond, int timeoutMs, int retries) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        if (timeoutMs < 1) {
            throw new IllegalArgumentException("timeout must be at least 1 ms");
        }
        this.concurrency = concurrency;
        this.rate = ratePerSecond;
        this.timeoutMs = timeoutMs;
        this.retries = Math.max(0, retries);
        this.minWindow = Math.min(concurrency, Math.max(8, concurrency / 32));
    }

    private static final class InFlight {
        final Probe probe;
        final SocketChannel channel;
        final long started;
        final long deadline;
        boolean done;

        InFlight(Probe probe, SocketChannel channel, long started, long deadline) {
            this.probe = probe;
            this.channel = channel;
            this.started = started;
            this.deadline = deadline;
        }
    }

    private long probes;
    private long open;
    private long closed;
    private long filtered;
    private long unreachable;
    private long retried;
    private long backoffs;
    private double window;
    private int inFlight;
    private int peak;
    private int epochDone;
    private int epochTimeouts;
    private boolean slowStart;
    private double srtt;
    private double rttvar;
    private long rttSamples;

    /**
     * Runs every probe of the iterator, reporting each final outcome (after retries) to {@code listener},
     * on the calling thread. Interrupting the thread cancels the run: open probe sockets are closed and
     * an {@link InterruptedIOException} is thrown.
     */
    public ConnectStats run(Iterator<Probe> source, BiConsumer<Probe, PortState> listener) throws IOException {
        ProbeSource work = ProbeSource.of(source);
        long begin = System.nanoTime();
        probes = open = closed = filtered = unreachable = retried = backoffs = 0;
        inFlight = peak = epochDone = epochTimeouts = 0;
        window = Math.min(concurrency, INITIAL_WINDOW);
        slowStart = true;
        RateLimiter limiter = new RateLimiter(rate);
        PriorityQueue<InFlight> queue = new PriorityQueue<>((a, b) -> Long.compare(a.deadline, b.deadline));
        ArrayDeque<Probe> again = new ArrayDeque<>();
        long timeoutNanos = timeoutMs * 1_000_000L;
        long pauseUntil = 0;
        try (Selector selector = Selector.open()) {
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("scan cancelled");
                }
                long now = System.nanoTime();
                // launch new probes while the window and the rate allow
                while (inFlight < (int) window && now >= pauseUntil && (!again.isEmpty() || work.hasNext())) {
                    if (!limiter.tryAcquire(now)) {
                        break;
                    }
                    Probe p = again.isEmpty() ? work.next() : again.poll();
                    SocketChannel ch;
                    try {
                        // a plain IPv4 socket for IPv4 targets: one system call fewer than a dual-stack one
                        ch = SocketChannel.open(p.address() instanceof Inet4Address ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
                    } catch (IOException e) { // out of file descriptors: shrink and try again shortly
                        again.addFirst(p);
                        shrink();
                        pauseUntil = now + 50_000_000L;
                        break;
                    }
                    probes++;
                    try {
                        ch.configureBlocking(false);
                        boolean connected = ch.connect(new InetSocketAddress(p.address(), p.port()));
                        if (!connected && nearby() && fastErrors) {
                            // nearly every probe is refused: read that as a number, not as an exception
                            int errno = PendingError.of(ch);
                            if (errno > 0) {
                                PortState state = PendingError.state(errno);
                                if (state == PortState.CLOSED) {
                                    sample(0);
                                }
                                finish(p, state, ch, listener, false);
                                continue;
                            }
                        }
                        if (connected || (nearby() && ch.finishConnect())) {
                            sample(0);
                            finish(p, PortState.OPEN, ch, listener, false);
                            continue;
                        }
                        InFlight f = new InFlight(p, ch, now, now + timeoutFor(p, timeoutNanos));
                        ch.register(selector, SelectionKey.OP_CONNECT, f);
                        queue.add(f);
                        inFlight++;
                        peak = Math.max(peak, inFlight);
                    } catch (ConnectException e) {
                        sample(0);
                        finish(p, PortState.CLOSED, ch, listener, false);
                    } catch (NoRouteToHostException e) {
                        finish(p, PortState.UNREACHABLE, ch, listener, false);
                    } catch (BindException e) { // no local port left: back off and retry the probe
                        probes--;
                        close(ch);
                        again.addFirst(p);
                        shrink();
                        pauseUntil = now + 50_000_000L;
                        break;
                    } catch (SocketException e) {
                        finish(p, classify(e), ch, listener, false);
                    }
                }
                work.flush();
                boolean idle = queue.isEmpty() && again.isEmpty() && !work.hasNext();
                if (idle && work.finished()) {
                    break;
                }
                // wait for completions, the next deadline, the next token or the end of a pause
                long wait = Long.MAX_VALUE;
                InFlight head = firstPending(queue);
                if (head != null) {
                    wait = head.deadline - now;
                }
                boolean canLaunch = inFlight < (int) window && (!again.isEmpty() || work.hasNext());
                if (canLaunch) {
                    wait = Math.min(wait, Math.max(limiter.nanosUntilToken(now), pauseUntil - now));
                }
                long waitMs = idle ? 2 : wait == Long.MAX_VALUE ? 100 : Math.max(0, (wait + 999_999) / 1_000_000);
                if (waitMs == 0) {
                    selector.selectNow();
                } else {
                    selector.select(waitMs);
                }
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    InFlight f = (InFlight) key.attachment();
                    if (f.done) {
                        continue;
                    }
                    PortState state;
                    try {
                        state = f.channel.finishConnect() ? PortState.OPEN : null;
                    } catch (ConnectException e) {
                        state = PortState.CLOSED;
                    } catch (NoRouteToHostException e) {
                        state = PortState.UNREACHABLE;
                    } catch (IOException e) {
                        state = classify(e);
                    }
                    if (state != null) {
                        f.done = true;
                        inFlight--;
                        if (state == PortState.OPEN || state == PortState.CLOSED) {
                            sample(System.nanoTime() - f.started);
                        }
                        finish(f.probe, state, f.channel, listener, false);
                    }
                }
                // expire
                now = System.nanoTime();
                while (!queue.isEmpty() && (queue.peek().done || queue.peek().deadline <= now)) {
                    InFlight f = queue.poll();
                    if (f.done) {
                        continue;
                    }
                    f.done = true;
                    inFlight--;
                    close(f.channel);
                    if (f.probe.attempt() < retries) {
                        retried++;
                        again.add(f.probe.retry());
                        account(f.probe, true);
                    } else {
                        finish(f.probe, PortState.FILTERED, null, listener, true);
                    }
                }
            }
        } finally {
            for (InFlight f : queue) {
                close(f.channel);
            }
        }
        return new ConnectStats(probes, open, closed, filtered, unreachable, retried, backoffs, (int) window, peak,
                (System.nanoTime() - begin) / 1_000_000);
    }

    private static InFlight firstPending(PriorityQueue<InFlight> queue) {
        while (!queue.isEmpty() && queue.peek().done) {
            queue.poll();
        }
        return queue.peek();
    }

    /**
     * Whether answers come back within the connect call itself (loopback, same host): then checking at
     * once saves registering with the selector. Round trips above 200 microseconds turn this off.
     */
    private boolean nearby() {
        return rttSamples < 16 || srtt < 200_000;
    }

    /** Jacobson/Karels smoothing of round-trip times (nanoseconds). */
    private void sample(long rttNanos) {
        if (slowStart) {
            window = Math.min(concurrency, window + 1);
            slowStart = window < concurrency;
        }
        if (rttSamples++ == 0) {
            srtt = rttNanos;
            rttvar = rttNanos / 2.0;
        } else {
            rttvar = 0.75 * rttvar + 0.25 * Math.abs(srtt - rttNanos);
            srtt = 0.875 * srtt + 0.125 * rttNanos;
        }
    }

    private long timeoutFor(Probe p, long maxNanos) {
        long base = maxNanos;
        if (rttSamples >= 16) {
            long min = Math.min(maxNanos, MIN_TIMEOUT_MS * 1_000_000L);
            base = Math.max(min, Math.min(maxNanos, (long) (srtt + 4 * rttvar)));
        }
        return Math.min(maxNanos, base << Math.min(p.attempt(), 10));
    }

    /** The timeout a first attempt would get now (for statistics and tests). */
    public long currentTimeoutMs() {
        return timeoutFor(new Probe(null, 0, 0, false), timeoutMs * 1_000_000L) / 1_000_000;
    }

    private static PortState classify(IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase();
        if (m.contains("refused") || m.contains("reset")) {
            return PortState.CLOSED;
        }
        if (m.contains("unreachable") || m.contains("no route")) {
            return PortState.UNREACHABLE;
        }
        return PortState.FILTERED;
    }

    private void finish(Probe p, PortState state, SocketChannel ch, BiConsumer<Probe, PortState> listener, boolean timedOut) {
        if (ch != null) {
            if (state == PortState.OPEN) {
                try {
                    ch.setOption(StandardSocketOptions.SO_LINGER, 0); // close with a reset: no TIME_WAIT left behind
                } catch (IOException ignored) {
                    // already closed by the peer
                }
            }
            close(ch);
        }
        switch (state) {
            case OPEN -> open++;
            case CLOSED -> closed++;
            case FILTERED -> filtered++;
            case UNREACHABLE -> unreachable++;
        }
        account(p, timedOut);
        listener.accept(p, state);
    }

    private void account(Probe p, boolean timedOut) {
        if (!p.adaptive()) {
            return;
        }
        epochDone++;
        if (timedOut) {
            epochTimeouts++;
        }
        if (epochDone >= Math.max(32, (int) window)) {
            double ratio = (double) epochTimeouts / epochDone;
            if (ratio > 0.20) {
                shrink();
            } else if (ratio < 0.05 && window < concurrency) {
                window = Math.min(concurrency, window * 1.25 + 1);
            }
            epochDone = 0;
            epochTimeouts = 0;
        }
    }

    private void shrink() {
        slowStart = false;
        double next = Math.max(minWindow, window / 2);
        if (next < window) {
            backoffs++;
        }
        window = next;
    }

    private static void close(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing a probe socket cannot fail in a way that matters
        }
    }
}
