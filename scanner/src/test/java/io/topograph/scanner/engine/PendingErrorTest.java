package io.topograph.scanner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

/** Refused connects read as error numbers, in a JVM started like the scan's (with sun.nio.ch opened). */
class PendingErrorTest {

    @Test
    void in_the_scan_jvm_a_refusal_is_read_as_a_number_and_an_accepted_connect_as_none() throws Exception {
        assertThat(PendingError.available()).as("the tests run with the scan JVM's --add-opens (pom.xml)").isTrue();
        InetAddress a = InetAddress.getByName("127.0.32.9");
        try (ServerSocket open = new ServerSocket()) {
            open.bind(new InetSocketAddress(a, 0));
            int closedPort = open.getLocalPort() == 65010 ? 65011 : 65010;
            try (SocketChannel refused = SocketChannel.open()) {
                refused.configureBlocking(false);
                if (!refused.connect(new InetSocketAddress(a, closedPort))) {
                    int errno = PendingError.of(refused);
                    assertThat(errno).isEqualTo(111); // ECONNREFUSED: loopback answers within the connect call
                    assertThat(PendingError.state(errno)).isEqualTo(PortState.CLOSED);
                }
            }
            try (SocketChannel accepted = SocketChannel.open()) {
                accepted.configureBlocking(false);
                boolean connected = accepted.connect(new InetSocketAddress(a, open.getLocalPort()));
                assertThat(PendingError.of(accepted)).isZero();
                assertThat(connected || accepted.finishConnect()).isTrue();
            }
        }
    }

    @Test
    void error_numbers_give_the_outcomes_the_exceptions_gave() {
        assertThat(PendingError.state(111)).isEqualTo(PortState.CLOSED); // ConnectException
        assertThat(PendingError.state(104)).isEqualTo(PortState.CLOSED); // "Connection reset"
        assertThat(PendingError.state(113)).isEqualTo(PortState.UNREACHABLE); // NoRouteToHostException
        assertThat(PendingError.state(101)).isEqualTo(PortState.UNREACHABLE); // "Network is unreachable"
        assertThat(PendingError.state(112)).isEqualTo(PortState.FILTERED); // "Host is down": nothing matched before either
    }
}
