package io.topograph.scanner.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class UdpProbeTest {

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void the_dns_probe_asks_chaos_txt_version_bind() {
        byte[] q = UdpProbe.DNS.request("127.0.0.1", 0x1234);
        assertThat(hex(q)).isEqualTo("1234000000010000000000000776657273696f6e0462696e6400" + "0010" + "0003");
    }

    @Test
    void the_snmp_probe_is_a_v2c_get_of_sysdescr_with_community_public() {
        byte[] q = UdpProbe.SNMP.request("127.0.0.1", 77);
        assertThat(hex(q)).isEqualTo("3026" + "020101" + "0406" + hex("public".getBytes(StandardCharsets.US_ASCII))
                + "a019" + "02014d" + "020100" + "020100" + "300e" + "300c" + "06082b06010201010100" + "0500");
    }

    @Test
    void the_netbios_probe_asks_node_status_of_the_wildcard_name() {
        byte[] q = UdpProbe.NETBIOS.request("127.0.0.1", 0x0101);
        assertThat(q).hasSize(50);
        assertThat(new String(q, 13, 32, StandardCharsets.US_ASCII)).isEqualTo("CK" + "A".repeat(30));
        assertThat(hex(q).substring(hex(q).length() - 8)).isEqualTo("00210001");
    }

    @Test
    void replies_to_someone_else_or_of_the_wrong_kind_are_ignored() {
        byte[] dnsReply = HexFormat.of().parseHex("1234840000010000000000000776657273696f6e0462696e6400" + "00100003");
        assertThat(UdpProbe.DNS.describe(dnsReply, 0x1234)).isEqualTo("DNS rcode=0");
        assertThat(UdpProbe.DNS.describe(dnsReply, 0x4321)).isNull(); // another query's id
        byte[] query = UdpProbe.DNS.request("x", 0x1234);
        assertThat(UdpProbe.DNS.describe(query, 0x1234)).isNull(); // a query, not a response
        byte[] ntpClient = UdpProbe.NTP.request("x", 0);
        assertThat(UdpProbe.NTP.describe(ntpClient, 0)).isNull(); // mode 3 echoed back is not a server
        assertThat(UdpProbe.SNMP.describe(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}, 1)).isNull();
        assertThat(UdpProbe.SSDP.describe("HTTP/1.1 404 Not Found\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0)).isNull();
        assertThat(UdpProbe.SSDP.describe("HTTP/1.1 200 OK\r\nST: upnp:rootdevice\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0))
                .startsWith("HTTP/1.1 200 OK");
        assertThat(UdpProbe.NETBIOS.describe(new byte[10], 0)).isNull();
    }
}
