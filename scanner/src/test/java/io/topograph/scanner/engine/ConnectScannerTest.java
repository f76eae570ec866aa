package io.topograph.scanner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ConnectScannerTest {

    private static ServerSocket listen(String address, int backlog) throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getByName(address), 0), backlog);
        return s;
    }

    @Test
    void open_and_refused_ports_are_told_apart() throws Exception {
        try (ServerSocket open = listen("127.0.32.1", 50)) {
            int closedPort = open.getLocalPort() == 65000 ? 65001 : 65000;
            Map<Integer, PortState> seen = new ConcurrentHashMap<>();
            InetAddress a = InetAddress.getByName("127.0.32.1");
            ConnectStats s = new ConnectScanner(16, 1000, 1000, 0).run(
                    List.of(new Probe(a, open.getLocalPort(), 0, true), new Probe(a, closedPort, 0, true)).iterator(),
                    (p, st) -> seen.put(p.port(), st));
            assertThat(seen).containsEntry(open.getLocalPort(), PortState.OPEN).containsEntry(closedPort, PortState.CLOSED);
            assertThat(s.open()).isEqualTo(1);
            assertThat(s.closed()).isEqualTo(1);
            assertThat(s.probes()).isEqualTo(2);
        }
    }

    @Test
    void the_rate_limit_and_the_concurrency_limit_hold() throws Exception {
        InetAddress a = InetAddress.getByName("127.0.32.2");
        List<Probe> probes = new ArrayList<>();
        for (int p = 40000; p < 40400; p++) {
            probes.add(new Probe(a, p, 0, true));
        }
        long t0 = System.nanoTime();
        ConnectStats s = new ConnectScanner(8, 2000, 1000, 0).run(probes.iterator(), (p, st) -> { });
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(s.probes()).isEqualTo(400);
        assertThat(ms).as("400 probes at 2000/s").isGreaterThanOrEqualTo(180);
        assertThat(s.peakInFlight()).isLessThanOrEqualTo(8);
    }

    @Test
    void unanswered_connects_time_out_are_retried_and_shrink_the_window() throws Exception {
        // A listener that never accepts and has a full accept queue makes Linux drop further SYNs:
        // the connects get no answer at all, like a firewall that drops.
        try (ServerSocket full = listen("127.0.32.3", 1)) {
            InetAddress a = InetAddress.getByName("127.0.32.3");
            List<Socket> fillers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Socket f = new Socket();
                try {
                    f.connect(new InetSocketAddress(a, full.getLocalPort()), 300);
                    fillers.add(f);
                } catch (IOException e) {
                    f.close();
                }
            }
            List<Probe> probes = new ArrayList<>();
            for (int i = 0; i < 256; i++) {
                probes.add(new Probe(a, full.getLocalPort(), 0, true));
            }
            Map<PortState, Integer> states = new ConcurrentHashMap<>();
            ConnectStats s = new ConnectScanner(256, 100_000, 150, 1).run(probes.iterator(), (p, st) -> states.merge(st, 1, Integer::sum));
            for (Socket f : fillers) {
                f.close();
            }
            assertThat(states.getOrDefault(PortState.FILTERED, 0)).isGreaterThan(200);
            assertThat(s.retries()).isGreaterThan(200);
            assertThat(s.backoffs()).isPositive();
            assertThat(s.finalWindow()).isLessThan(256);
        }
    }

    @Test
    void each_run_counts_only_its_own_probes() throws Exception {
        InetAddress a = InetAddress.getByName("127.0.32.4");
        ConnectScanner engine = new ConnectScanner(16, 10_000, 1000, 0);
        List<Probe> first = List.of(new Probe(a, 40001, 0, true), new Probe(a, 40002, 0, true));
        assertThat(engine.run(first.iterator(), (p, st) -> { }).probes()).isEqualTo(2);
        ConnectStats second = engine.run(List.of(new Probe(a, 40003, 0, true)).iterator(), (p, st) -> { });
        assertThat(second.probes()).isEqualTo(1);
        assertThat(second.closed()).isEqualTo(1);
    }
}
