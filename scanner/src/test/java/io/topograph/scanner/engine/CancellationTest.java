package io.topograph.scanner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.topograph.scanner.evidence.HostnameResolver;
import io.topograph.scanner.target.TargetParser;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CancellationTest {

    /** A listener whose accept queue is full: further connects get no answer (Linux drops the SYNs). */
    private static ServerSocket dropping(String address, List<Socket> fillers) throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getByName(address), 0), 1);
        for (int i = 0; i < 4; i++) {
            Socket f = new Socket();
            try {
                f.connect(new InetSocketAddress(s.getInetAddress(), s.getLocalPort()), 300);
                fillers.add(f);
            } catch (IOException e) {
                f.close();
            }
        }
        return s;
    }

    private static Throwable runAndInterrupt(ThrowingRunnable work) throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        Thread.sleep(400);
        long t0 = System.nanoTime();
        t.interrupt();
        t.join(5000);
        assertThat(t.isAlive()).as("the scan stopped").isFalse();
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms to stop").isLessThan(2000);
        return thrown.get();
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void interrupting_the_engine_cancels_probes_that_are_waiting() throws Exception {
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket s = dropping("127.0.32.6", fillers)) {
            List<Probe> probes = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                probes.add(new Probe(s.getInetAddress(), s.getLocalPort(), 0, true));
            }
            Throwable e = runAndInterrupt(() -> new ConnectScanner(64, 1000, 30_000, 0).run(probes.iterator(), (p, st) -> { }));
            assertThat(e).isInstanceOf(InterruptedIOException.class);
        } finally {
            for (Socket f : fillers) {
                f.close();
            }
        }
    }

    @Test
    void interrupting_a_scan_cancels_it() throws Exception {
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket s = dropping("127.0.32.7", fillers)) {
            ScanOptions options = ScanOptions.defaults().withTimeoutMs(30_000).withResolver(HostnameResolver.NONE)
                    .withNeighbourTable(null).withUdpProbes(Map.of());
            Throwable e = runAndInterrupt(() -> new Scanner(options)
                    .scan(new TargetParser().parse("127.0.32.7"), new int[] {s.getLocalPort()}, null));
            assertThat(e).isInstanceOf(InterruptedException.class).hasMessageContaining("cancelled");
        } finally {
            for (Socket f : fillers) {
                f.close();
            }
        }
    }
}
