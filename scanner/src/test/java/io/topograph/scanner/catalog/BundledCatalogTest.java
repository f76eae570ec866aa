package io.topograph.scanner.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.topograph.scanner.evidence.HttpInfo;
import io.topograph.scanner.evidence.PortEvidence;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BundledCatalogTest {

    private final Catalog catalog = Catalog.bundled();

    @Test
    void the_bundled_catalog_has_at_least_200_complete_definitions() {
        assertThat(catalog.definitions()).hasSizeGreaterThanOrEqualTo(200);
        for (ServiceDefinition d : catalog.definitions()) {
            assertThat(d.name()).as(d.id()).isNotBlank();
            assertThat(d.description()).as(d.id()).isNotBlank();
            assertThat(d.category()).as(d.id()).isNotBlank();
            assertThat(d.icon()).as(d.id()).isNotBlank();
        }
        Set<String> categories = catalog.definitions().stream().map(ServiceDefinition::category).collect(Collectors.toSet());
        assertThat(categories).contains("database", "web-server", "remote-access", "mail", "monitoring", "network");
    }

    private String identify(PortEvidence e) {
        ServiceMatch m = new Matcher(catalog).best(new MatchContext(e.port(), e, null));
        return m == null ? null : m.definition().id();
    }

    private static PortEvidence raw(int port, String raw) {
        return new PortEvidence(port, "banner", raw, raw, null, null);
    }

    @Test
    void real_world_openings_are_identified_by_the_bundled_definitions() {
        assertThat(identify(raw(22, "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"))).isEqualTo("openssh");
        assertThat(identify(raw(2222, "SSH-2.0-dropbear_2022.83\r\n"))).isEqualTo("dropbear");
        assertThat(identify(raw(22, "SSH-2.0-SomethingElse\r\n"))).isEqualTo("ssh");
        assertThat(identify(raw(25, "220 mail.example.org ESMTP Postfix (Debian/GNU)\r\n"))).isEqualTo("postfix");
        assertThat(identify(raw(2525, "220 relay ESMTP ready\r\n"))).isEqualTo("smtp");
        assertThat(identify(raw(21, "220 (vsFTPd 3.0.3)\r\n"))).isEqualTo("vsftpd");
        assertThat(identify(raw(21, "220 Welcome to the FTP service\r\n"))).isEqualTo("ftp");
        assertThat(identify(raw(6379, "+PONG\r\n$3000\r\n# Server\r\nredis_version:7.2.4\r\n"))).isEqualTo("redis");
        assertThat(identify(raw(6379, "+PONG\r\n$3000\r\n# Server\r\nredis_version:7.2.4\r\nvalkey_version:8.0.1\r\n"))).isEqualTo("valkey");
        assertThat(identify(raw(3306, "J\0\0\0\n8.0.36\0\u0008\0\0\0abc"))).isEqualTo("mysql");
        assertThat(identify(raw(3306, "n\0\0\0\n5.5.5-10.11.6-MariaDB-0+deb12u1\0"))).isEqualTo("mariadb");
        assertThat(identify(raw(5432, "R\0\0\0\u0017\0\0\0\nSCRAM-SHA-256\0\0"))).isEqualTo("postgresql");
        assertThat(identify(raw(11211, "VERSION 1.6.21\r\n"))).isEqualTo("memcached");
        assertThat(identify(raw(4222, "INFO {\"server_id\":\"NABC\",\"version\":\"2.10.7\"}\r\n"))).isEqualTo("nats");
        assertThat(identify(raw(5900, "RFB 003.008\n"))).isEqualTo("vnc");
        assertThat(identify(raw(110, "+OK Dovecot ready.\r\n"))).isEqualTo("dovecot");
        assertThat(identify(raw(143, "* OK [CAPABILITY IMAP4rev1] ready\r\n"))).isEqualTo("imap");
        assertThat(identify(raw(1883, "\u0020\u0002\u0000\u0000"))).isEqualTo("mqtt");
        assertThat(identify(PortEvidence.none(3389))).isEqualTo("rdp");
        PortEvidence grafana = new PortEvidence(3000, "http", "HTTP/1.1 200 OK", "HTTP/1.1 200 OK",
                new HttpInfo("/login", 200, "HTTP/1.1 200 OK", Map.of("server", List.of("nginx")), "Grafana", ""), null);
        assertThat(identify(grafana)).isEqualTo("grafana");
        PortEvidence plain = new PortEvidence(8081, "http", "HTTP/1.1 200 OK", "HTTP/1.1 200 OK",
                new HttpInfo("/", 200, "HTTP/1.1 200 OK", Map.of(), null, ""), null);
        assertThat(identify(plain)).isEqualTo("http");
    }

    private String version(PortEvidence e) {
        ServiceMatch m = new Matcher(catalog).best(new MatchContext(e.port(), e, null));
        return m == null ? null : m.definition().id() + " " + m.version();
    }

    @Test
    void versions_are_captured_where_the_service_states_them() {
        assertThat(version(raw(22, "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"))).isEqualTo("openssh 9.2p1");
        assertThat(version(raw(22, "SSH-2.0-OpenSSH_for_Windows_8.1\r\n"))).isEqualTo("openssh 8.1");
        assertThat(version(raw(22, "SSH-2.0-OpenSSH\r\n"))).isEqualTo("openssh null");
        assertThat(version(raw(3306, "J\0\0\0\n8.0.36-0ubuntu0.24.04.1\0\u0008\0\0\0abc"))).isEqualTo("mysql 8.0.36-0ubuntu0.24.04.1");
        assertThat(version(raw(3306, "n\0\0\0\n5.5.5-10.11.6-MariaDB-0+deb12u1\0"))).isEqualTo("mariadb 10.11.6");
        assertThat(version(raw(6379, "+PONG\r\n$3000\r\n# Server\r\nredis_version:7.2.4\r\n"))).isEqualTo("redis 7.2.4");
        assertThat(version(raw(11211, "VERSION 1.6.21\r\n"))).isEqualTo("memcached 1.6.21");
        assertThat(version(raw(21, "220 (vsFTPd 3.0.5)\r\n"))).isEqualTo("vsftpd 3.0.5");
        PortEvidence nginx = new PortEvidence(8081, "http", "HTTP/1.1 200 OK", "HTTP/1.1 200 OK",
                new HttpInfo("/", 200, "HTTP/1.1 200 OK", Map.of("server", List.of("nginx/1.24.0 (Ubuntu)")), null, ""), null);
        assertThat(version(nginx)).isEqualTo("nginx 1.24.0");
    }
}
