package io.topograph.hosts;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** How the host page writes a container's ports, networks and state. */
class HostContainerLabelsTest {

    @Test
    void a_published_port_reads_host_address_and_port_to_container_port() {
        assertThat(new HostDetail.ContainerPort(80, "tcp", "0.0.0.0", 8080).label()).isEqualTo("0.0.0.0:8080\u219280/tcp");
        assertThat(new HostDetail.ContainerPort(53, "udp", "::", 5353).label()).isEqualTo("[::]:5353\u219253/udp");
        assertThat(new HostDetail.ContainerPort(9094, "udp", null, null).label()).isEqualTo("9094/udp");
    }

    @Test
    void only_published_ports_are_listed_as_published_and_the_state_picks_the_badge() {
        HostDetail.Container c = new HostDetail.Container(UUID.randomUUID(), "3f4e1b2c9d8a", null, "busybox", "exited",
                List.of(new HostDetail.ContainerPort(80, "tcp", "0.0.0.0", 8080), new HostDetail.ContainerPort(443, "tcp", null, null)),
                List.of(new HostDetail.ContainerNetwork("bridge", "172.17.0.2", null), new HostDetail.ContainerNetwork("none", null, null)),
                Instant.now(), Instant.now());
        assertThat(c.publishedPorts()).extracting(HostDetail.ContainerPort::containerPort).containsExactly(80);
        assertThat(c.label()).isEqualTo("3f4e1b2c9d8a");
        assertThat(c.stateBadge()).isEqualTo("text-bg-secondary");
        assertThat(c.networks()).extracting(HostDetail.ContainerNetwork::label).containsExactly("bridge 172.17.0.2", "none");
        assertThat(new HostDetail.Container(UUID.randomUUID(), "x", "web", null, "running", List.of(), List.of(), Instant.now(),
                Instant.now()).stateBadge()).isEqualTo("text-bg-success");
    }
}
