package io.topograph.scanner.engine;

import java.io.IOException;
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
 * The listener is called under a lock, one outcome at a time.
 */
public final class ParallelConnectScanner {

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

    public ConnectStats run(Iterator<Probe> probes, BiConsumer<Probe, PortState> listener) throws IOException, InterruptedException {
        ProbeSource work = ProbeSource.of(probes);
        if (engines.size() == 1) {
            return engines.get(0).run(work, listener);
        }
        Object lock = new Object();
        ProbeSource shared = new ProbeSource() {
            @Override
            public boolean hasNext() {
                synchronized (lock) {
                    return work.hasNext();
                }
            }

            @Override
            public Probe next() {
                synchronized (lock) {
                    if (!work.hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return work.next();
                }
            }

            @Override
            public boolean finished() {
                synchronized (lock) {
                    return work.finished();
                }
            }
        };
        BiConsumer<Probe, PortState> locked = (p, s) -> {
            synchronized (lock) {
                listener.accept(p, s);
            }
        };
        ExecutorService threads = Executors.newFixedThreadPool(engines.size(), r -> {
            Thread t = new Thread(r, "connect-scan");
            t.setDaemon(true);
            return t;
        });
        long begin = System.nanoTime();
        try {
            List<Future<ConnectStats>> results = new ArrayList<>();
            for (ConnectScanner e : engines) {
                results.add(threads.submit(() -> e.run(new ProbeSource() {
                    // hasNext/next must be one step: another engine may take the last probe in between
                    Probe pending;

                    @Override
                    public boolean hasNext() {
                        if (pending == null) {
                            synchronized (lock) {
                                pending = shared.hasNext() ? shared.next() : null;
                            }
                        }
                        return pending != null;
                    }

                    @Override
                    public Probe next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Probe p = pending;
                        pending = null;
                        return p;
                    }

                    @Override
                    public boolean finished() {
                        return pending == null && shared.finished();
                    }
                }, locked)));
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
