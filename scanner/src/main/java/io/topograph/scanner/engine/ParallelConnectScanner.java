package io.topograph.scanner.engine;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * Several {@link ConnectScanner}s (one selector thread each, one per CPU core, at most 4) sharing one
 * stream of probes; concurrency and rate are split evenly between them, so the limits hold in total.
 * The listener is called under a lock, one outcome at a time. The engines take that lock once per batch,
 * not once per probe: each takes up to {@link #BATCH} probes at a time and hands its outcomes over in
 * batches, at the latest at the end of every turn of its loop.
 */
public final class ParallelConnectScanner {

    /** Probes taken, and outcomes handed over, per turn of the shared lock. */
    static final int BATCH = 16;

    private final List<ConnectScanner> engines = new ArrayList<>();

    public ParallelConnectScanner(int concurrency, double ratePerSecond, int timeoutMs, int retries, int threads) {
        int n = Math.max(1, Math.min(threads, concurrency));
        for (int i = 0; i < n; i++) {
            int c = concurrency / n + (i < concurrency % n ? 1 : 0);
            engines.add(new ConnectScanner(c, ratePerSecond / n, timeoutMs, retries));
        }
    }

    public static int defaultThreads() {
        return Math.min(4, Runtime.getRuntime().availableProcessors());
    }

    /** One engine's share of the probe stream, and the buffer of its outcomes. */
    private static final class Share implements ProbeSource, BiConsumer<Probe, PortState> {
        private final ProbeSource work;
        private final BiConsumer<Probe, PortState> listener;
        private final Object lock;
        private final ArrayDeque<Probe> probes = new ArrayDeque<>(BATCH);
        private final Probe[] doneProbes = new Probe[BATCH];
        private final PortState[] doneStates = new PortState[BATCH];
        private int done;

        Share(ProbeSource work, BiConsumer<Probe, PortState> listener, Object lock) {
            this.work = work;
            this.listener = listener;
            this.lock = lock;
        }

        @Override
        public boolean hasNext() {
            if (probes.isEmpty()) {
                synchronized (lock) { // outcomes first: they may make new probes known (hosts that answered)
                    deliver();
                    for (int i = 0; i < BATCH && work.hasNext(); i++) {
                        probes.add(work.next());
                    }
                }
            }
            return !probes.isEmpty();
        }

        @Override
        public Probe next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return probes.poll();
        }

        @Override
        public boolean finished() {
            if (!probes.isEmpty()) {
                return false;
            }
            synchronized (lock) {
                deliver();
                return work.finished();
            }
        }

        @Override
        public void flush() {
            if (done > 0) {
                synchronized (lock) {
                    deliver();
                }
            }
        }

        @Override
        public void accept(Probe probe, PortState state) {
            doneProbes[done] = probe;
            doneStates[done] = state;
            if (++done == BATCH) {
                flush();
            }
        }

        /** Under the lock. */
        private void deliver() {
            for (int i = 0; i < done; i++) {
                listener.accept(doneProbes[i], doneStates[i]);
                doneProbes[i] = null;
            }
            done = 0;
        }
    }

    public ConnectStats run(Iterator<Probe> probes, BiConsumer<Probe, PortState> listener) throws IOException, InterruptedException {
        ProbeSource work = ProbeSource.of(probes);
        if (engines.size() == 1) {
            return engines.get(0).run(work, listener);
        }
        Object lock = new Object();
        ExecutorService threads = Executors.newFixedThreadPool(engines.size(), r -> {
            Thread t = new Thread(r, "connect-scan");
            t.setDaemon(true);
            return t;
        });
        long begin = System.nanoTime();
        try {
            List<Future<ConnectStats>> results = new ArrayList<>();
            for (ConnectScanner e : engines) {
                Share share = new Share(work, listener, lock);
                results.add(threads.submit(() -> e.run(share, share)));
            }
            long[] sum = new long[7];
            int window = 0;
            int peak = 0;
            for (Future<ConnectStats> f : results) {
                ConnectStats s;
                try {
                    s = f.get();
                } catch (InterruptedException e) {
                    throw new InterruptedException("scan cancelled"); // the engines are interrupted in finally
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof java.io.InterruptedIOException) {
                        throw new InterruptedException("scan cancelled");
                    }
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(e.getCause());
                }
                sum[0] += s.probes();
                sum[1] += s.open();
                sum[2] += s.closed();
                sum[3] += s.filtered();
                sum[4] += s.unreachable();
                sum[5] += s.retries();
                sum[6] += s.backoffs();
                window += s.finalWindow();
                peak += s.peakInFlight();
            }
            return new ConnectStats(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], window, peak,
                    (System.nanoTime() - begin) / 1_000_000);
        } finally {
            threads.shutdownNow();
        }
    }
}
