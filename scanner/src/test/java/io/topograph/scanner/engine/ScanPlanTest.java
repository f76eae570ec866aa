package io.topograph.scanner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanPlanTest {

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void a_host_gets_its_full_scan_only_after_it_answered_a_discovery_probe() throws Exception {
        List<InetAddress> targets = List.of(ip("127.0.40.1"), ip("127.0.40.2"));
        ScanPlan plan = ScanPlan.withDiscovery(targets, new int[] {80, 443}, new int[] {22, 25, 8080});
        List<Probe> discovery = new ArrayList<>();
        while (plan.hasNext()) {
            discovery.add(plan.next());
        }
        assertThat(discovery).extracting(p -> p.address().getHostAddress() + ":" + p.port())
                .containsExactly("127.0.40.1:80", "127.0.40.2:80", "127.0.40.1:443", "127.0.40.2:443");
        assertThat(plan.finished()).as("discovery answers are still outstanding").isFalse();

        plan.onResult(discovery.get(0), PortState.CLOSED); // .1 is up (refused)
        plan.onResult(discovery.get(1), PortState.FILTERED); // .2 silent so far
        assertThat(plan.hasNext()).isTrue();
        List<String> full = new ArrayList<>();
        while (plan.hasNext()) {
            Probe p = plan.next();
            assertThat(p.adaptive()).isTrue();
            full.add(p.address().getHostAddress() + ":" + p.port());
        }
        assertThat(full).containsExactly("127.0.40.1:22", "127.0.40.1:25", "127.0.40.1:8080");

        plan.onResult(discovery.get(2), PortState.OPEN); // .1 again: no second full scan
        plan.onResult(discovery.get(3), PortState.FILTERED);
        assertThat(plan.hasNext()).isFalse();
        assertThat(plan.finished()).isTrue();
        assertThat(plan.discoveryDoneNanos()).isPositive();
    }

    @Test
    void hosts_in_their_full_scan_take_turns_and_discovery_goes_on_meanwhile() throws Exception {
        List<InetAddress> targets = List.of(ip("127.0.40.1"), ip("127.0.40.2"), ip("127.0.40.3"));
        ScanPlan plan = ScanPlan.withDiscovery(targets, new int[] {80}, new int[] {1, 2});
        Probe first = plan.next();
        Probe second = plan.next();
        plan.onResult(first, PortState.OPEN);
        plan.onResult(second, PortState.CLOSED);
        List<String> order = new ArrayList<>();
        while (plan.hasNext()) {
            Probe p = plan.next();
            order.add(p.address().getHostAddress().substring(6) + ":" + p.port());
        }
        // the full scans of .1 and .2 take turns, and the discovery of .3 is interleaved with them
        assertThat(order).containsExactly("40.1:1", "40.3:80", "40.2:1", "40.1:2", "40.2:2");
    }

    @Test
    void without_discovery_every_target_gets_every_port_port_by_port() throws Exception {
        ScanPlan plan = ScanPlan.everything(List.of(ip("127.0.40.1"), ip("127.0.40.2")), new int[] {22, 80});
        List<String> order = new ArrayList<>();
        while (plan.hasNext()) {
            Probe p = plan.next();
            order.add(p.address().getHostAddress().substring(6) + ":" + p.port());
            plan.onResult(p, PortState.CLOSED);
        }
        assertThat(order).containsExactly("40.1:22", "40.2:22", "40.1:80", "40.2:80");
        assertThat(plan.finished()).isTrue();
    }

    @Test
    void without_discovery_probes_to_a_host_that_answered_feed_the_back_off() throws Exception {
        ScanPlan plan = ScanPlan.everything(List.of(ip("127.0.40.1"), ip("127.0.40.2")), new int[] {22, 80, 443});
        Probe first = plan.next();
        assertThat(first.adaptive()).isFalse(); // nothing known about the host yet
        plan.onResult(first, PortState.CLOSED);
        Probe other = plan.next();
        assertThat(other.address().getHostAddress()).isEqualTo("127.0.40.2");
        assertThat(other.adaptive()).isFalse();
        plan.onResult(other, PortState.FILTERED);
        Probe again = plan.next();
        assertThat(again.address().getHostAddress()).isEqualTo("127.0.40.1");
        assertThat(again.adaptive()).isTrue();
        assertThat(plan.next().adaptive()).isFalse(); // .2 never answered
    }
}
