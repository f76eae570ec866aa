package io.topograph.hosts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class IpLiteralTest {

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.20", "0.0.0.0", "255.255.255.255", "10.0.0.1", "::", "::1", "fd00::20",
            "2001:db8::8a2e:370:7334", "2001:0db8:0000:0000:0000:ff00:0042:8329", "::ffff:192.0.2.1", "1:2:3:4:5:6:7::",
            "::2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4", "FE80::1"})
    void address_literals_are_accepted(String text) {
        assertThat(IpLiteral.isValid(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"999.1.1.1", "256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.-4", "1.2.3.4 ", "example.com",
            "localhost", "printer", "10.0.0.0/24", "fe80::1%eth0", ":::", "1:::2", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7", ":1::", "1.2.3.4::", "::1.2.3", "::g", "0x7f.0.0.1", "", "１.２.３.４"})
    void anything_else_is_refused_without_a_lookup(String text) {
        assertThat(IpLiteral.isValid(text)).as(text).isFalse();
    }

    @Test
    void parsed_bytes_match_the_address() throws Exception {
        // InetAddress.getByAddress never resolves; it only wraps the bytes for comparison.
        assertThat(IpLiteral.parse("2001:db8::1")).isEqualTo(InetAddress.getByAddress(new byte[]{
                0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}).getAddress());
        assertThat(IpLiteral.parse("::ffff:192.0.2.1")).endsWith((byte) 192, (byte) 0, (byte) 2, (byte) 1);
        assertThat(IpLiteral.parse("10.1.2.3")).containsExactly(10, 1, 2, 3);
    }

    @Test
    void a_null_is_not_an_address() {
        assertThat(IpLiteral.isValid(null)).isFalse();
    }
}
