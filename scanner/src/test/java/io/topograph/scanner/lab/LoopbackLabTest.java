package io.topograph.scanner.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.topograph.scanner.engine.ScanOptions;
import io.topograph.scanner.engine.Scanner;
import io.topograph.scanner.evidence.HostnameResolver;
import io.topograph.scanner.evidence.UdpProbe;
import io.topograph.scanner.model.ScanReport;
import io.topograph.scanner.ports.PortProfiles;
import io.topograph.scanner.target.TargetParser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab of real listeners on 127.0.31.1-9 speaking the openings of real protocols on non-standard
 * ports (so identification must come from what they say, not from the port number), among them a
 * real PostgreSQL 15 server. The scan covers
 * 127.0.31.1-10 and ports 31000-31099: every lab port must be found open and identified, nothing else
 * reported open.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoopbackLabTest {

    private static final String NET = "127.0.31.";
    private final List<AutoCloseable> running = new ArrayList<>();
    /** ip → "tcp/port" or "udp/port" → expected service id (null: must be an unidentified open port). */
    private final Map<String, Map<String, String>> expected = new TreeMap<>();
    private ScanReport report;
    private long scanMillis;

    @TempDir
    static Path tmp;

    private void tcp(int host, int slot, String serviceId, LabServer.Handler handler) throws IOException {
        LabServer s = new LabServer(NET + host, 31000 + slot * 5, 31004 + slot * 5, handler);
        running.add(s);
        expected.computeIfAbsent(NET + host, k -> new TreeMap<>()).put("tcp/" + s.port(), serviceId);
    }

    private int udp(int host, int slot, String serviceId, java.util.function.UnaryOperator<byte[]> answer) throws IOException {
        UdpResponders s = new UdpResponders(NET + host, 31000 + slot * 5, 31004 + slot * 5, answer);
        running.add(s);
        expected.computeIfAbsent(NET + host, k -> new TreeMap<>()).put("udp/" + s.port(), serviceId);
        return s.port();
    }

    private void web(int host, int slot, String serviceId, HttpServer s) {
        running.add(() -> s.stop(0));
        expected.computeIfAbsent(NET + host, k -> new TreeMap<>()).put("tcp/" + s.getAddress().getPort(), serviceId);
    }

    @BeforeAll
    void startLabAndScan() throws Exception {
        // .1: a web UI and an SSH server
        web(1, 0, "grafana", WebServers.http(NET + 1, 31000, 31004, Map.of("/", WebServers.page(200, "Grafana", Map.of("Server", "nginx/1.25.3")))));
        tcp(1, 1, "openssh", Protocols.greeting("SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13\r\n"));
        // .2: key-value stores and a document database (client speaks first)
        tcp(2, 0, "redis", Protocols.redis());
        tcp(2, 1, "memcached", Protocols.memcached());
        tcp(2, 2, "mongodb", Protocols.mongodb());
        // .3: mail and file transfer greetings
        tcp(3, 0, "postfix", Protocols.greeting("220 lab.example ESMTP Postfix (Debian/GNU)\r\n"));
        tcp(3, 1, "vsftpd", Protocols.greeting("220 (vsFTPd 3.0.5)\r\n"));
        tcp(3, 2, "dovecot", Protocols.greeting("* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS AUTH=PLAIN] Dovecot (Debian) ready.\r\n"));
        // .4: SQL databases
        tcp(4, 0, "mysql", Protocols.mysql("8.0.36-0ubuntu0.24.04.1"));
        tcp(4, 1, "mariadb", Protocols.mysql("5.5.5-10.11.6-MariaDB-0+deb12u1"));
        tcp(4, 2, "postgresql", Protocols.postgres());
        // .9: a real PostgreSQL 15 server (embedded binaries), listening on the lab address as well
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setPort(freePort())
                .setServerConfig("listen_addresses", "localhost," + NET + 9).start();
        running.add(pg);
        expected.computeIfAbsent(NET + 9, k -> new TreeMap<>()).put("tcp/" + pg.getPort(), "postgresql");
        // .5: HTTPS with a certificate, and a web app that redirects to its login page
        SSLContext tls = WebServers.selfSigned(tmp, "CN=lab-pve.example, O=Topograph Lab", "lab-pve.example");
        web(5, 0, "proxmox-ve", WebServers.https(NET + 5, 31000, 31004, tls,
                Map.of("/", WebServers.page(200, "lab-pve - Proxmox Virtual Environment", Map.of()))));
        web(5, 1, "jenkins", WebServers.http(NET + 5, 31005, 31009, Map.of(
                "/", WebServers.redirect("/login?from=%2F"),
                "/login", WebServers.page(200, "Sign in [Jenkins]", Map.of("X-Jenkins", "2.452.1")))));
        web(5, 2, "etcd", WebServers.http(NET + 5, 31010, 31014, Map.of(
                "/", WebServers.text(404, "404 page not found\n"),
                "/version", WebServers.text(200, "{\"etcdserver\":\"3.5.12\",\"etcdcluster\":\"3.5.0\"}"))));
        // .6: messaging and remote desktop
        tcp(6, 0, "rabbitmq", Protocols.amqp());
        tcp(6, 1, "mqtt", Protocols.mqtt());
        tcp(6, 2, "nats", Protocols.greeting("INFO {\"server_id\":\"NLABSERVER\",\"version\":\"2.10.7\",\"go\":\"go1.21\",\"max_payload\":1048576}\r\n"));
        tcp(6, 3, "vnc", Protocols.greeting("RFB 003.008\n"));
        tcp(6, 4, "ldap", Protocols.ldap());
        tcp(6, 5, "rdp", Protocols.rdp());
        // .7: open ports nothing in the catalog explains
        tcp(7, 0, null, Protocols.silent());
        tcp(7, 1, null, Protocols.greeting("HELLO LAB 1.0\r\n"));
        // .8: UDP services (probes go to each host's own address, never to a multicast group)
        Map<UdpProbe, Integer> udpPorts = new java.util.EnumMap<>(UdpProbe.class);
        udpPorts.put(UdpProbe.DNS, udp(8, 0, "dnsmasq", UdpResponders.dns("dnsmasq-2.90")));
        udpPorts.put(UdpProbe.NTP, udp(8, 1, "ntp", UdpResponders.ntp()));
        udpPorts.put(UdpProbe.SNMP, udp(8, 2, "snmp-linux", UdpResponders.snmp("Linux lab8 6.1.0-18-amd64 #1 SMP Debian x86_64")));
        udpPorts.put(UdpProbe.NETBIOS, udp(8, 3, "netbios-ns", UdpResponders.netbios()));

        Path arp = tmp.resolve("arp");
        Files.write(arp, List.of("IP address       HW type     Flags       HW address            Mask     Device",
                NET + "1       0x1         0x2         00:11:32:0a:0b:0c     *        lo"));
        HostnameResolver names = address -> address.getHostAddress().equals(NET + 1) ? "lab-one.test" : null;
        ScanOptions options = ScanOptions.defaults().withRate(20_000).withTimeoutMs(1000)
                .withReadTimeouts(1500, 300).withResolver(names).withNeighbourTable(arp).withUdpProbes(udpPorts);
        long t0 = System.nanoTime();
        report = new Scanner(options).scan(new TargetParser().parse(NET + "1-10"), PortProfiles.resolve("31000-31099", false), null);
        scanMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    /** A port in the scanned range that nothing uses on the lab's address or the wildcard one. */
    private static int freePort() throws IOException {
        for (int p = 31090; p < 31100; p++) {
            try (java.net.ServerSocket s = new java.net.ServerSocket()) {
                s.bind(new java.net.InetSocketAddress(p));
                return p;
            } catch (IOException taken) {
                // next
            }
        }
        throw new IOException("no free port in 31090-31099");
    }

    @AfterAll
    void stopLab() throws Exception {
        for (AutoCloseable c : running) {
            c.close();
        }
    }

    private ScanReport.Host host(String ip) {
        return report.hosts().stream().filter(h -> h.ip().equals(ip)).findFirst().orElseThrow(() -> new AssertionError(ip + " not reported"));
    }

    @Test
    void every_open_port_is_found_and_nothing_else_is_reported_open() {
        Map<String, List<String>> found = new TreeMap<>();
        for (ScanReport.Host h : report.hosts()) {
            if (!h.ports().isEmpty()) {
                found.put(h.ip(), h.ports().stream().map(p -> p.protocol() + "/" + p.port()).sorted().toList());
            }
        }
        Map<String, List<String>> want = new TreeMap<>();
        expected.forEach((ip, ports) -> want.put(ip, new ArrayList<>(ports.keySet())));
        assertThat(found).isEqualTo(want);
        assertThat(report.stats().open()).isEqualTo(expected.values().stream()
                .mapToLong(m -> m.keySet().stream().filter(k -> k.startsWith("tcp/")).count()).sum());
        assertThat(report.stats().closed()).isPositive(); // the other ports of the range answered "refused"
        assertThat(report.stats().probes()).isGreaterThanOrEqualTo(10L * 100);
    }

    @Test
    void every_lab_service_is_identified_by_what_it_says() {
        for (Map.Entry<String, Map<String, String>> h : expected.entrySet()) {
            ScanReport.Host host = host(h.getKey());
            Map<String, String> got = new LinkedHashMap<>();
            for (ScanReport.Service s : host.services()) {
                got.put(s.protocol() + "/" + s.port(), s.id());
            }
            for (Map.Entry<String, String> p : h.getValue().entrySet()) {
                if (p.getValue() == null) {
                    assertThat(host.unidentifiedPorts()).as(h.getKey() + ":" + p.getKey()).contains(Integer.parseInt(p.getKey().substring(4)));
                    assertThat(got).as(h.getKey() + ":" + p.getKey()).doesNotContainKey(p.getKey());
                } else {
                    assertThat(got.get(p.getKey())).as(h.getKey() + ":" + p.getKey() + " " + host.ports()).isEqualTo(p.getValue());
                }
            }
        }
        for (ScanReport.Host host : report.hosts()) {
            for (ScanReport.Service s : host.services()) {
                assertThat(s.confidence()).as(s.id()).isBetween(75, 99); // content evidence, not port numbers
                assertThat(s.reason()).as(s.id()).isNotBlank();
                assertThat(s.protocol()).isIn("tcp", "udp");
            }
        }
    }

    @Test
    void banners_http_and_tls_evidence_are_reported() {
        ScanReport.Host one = host(NET + 1);
        ScanReport.Port ssh = one.ports().stream().filter(p -> p.banner() != null && p.banner().startsWith("SSH-")).findFirst().orElseThrow();
        assertThat(ssh.banner()).isEqualTo("SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13");
        ScanReport.Port grafana = one.ports().stream().filter(p -> p.http() != null).findFirst().orElseThrow();
        assertThat(grafana.http().status()).isEqualTo(200);
        assertThat(grafana.http().title()).isEqualTo("Grafana");
        assertThat(grafana.http().server()).isEqualTo("nginx/1.25.3");

        ScanReport.Host five = host(NET + 5);
        ScanReport.Port https = five.ports().stream().filter(p -> p.tls() != null).findFirst().orElseThrow();
        assertThat(https.tls().subject()).contains("CN=lab-pve.example").contains("O=Topograph Lab");
        assertThat(https.tls().subjectAltNames()).containsExactly("lab-pve.example");
        assertThat(https.tls().selfSigned()).isTrue();
        assertThat(https.tls().expired()).isFalse();
        assertThat(https.http().title()).isEqualTo("lab-pve - Proxmox Virtual Environment");
        ScanReport.Port jenkins = five.ports().stream().filter(p -> p.tls() == null).findFirst().orElseThrow();
        assertThat(jenkins.http().title()).isEqualTo("Sign in [Jenkins]"); // followed the redirect to /login
        assertThat(jenkins.http().headers()).containsEntry("x-jenkins", "2.452.1");

        assertThat(host(NET + 4).services()).extracting(s -> s.id() + " " + s.version())
                .contains("mysql 8.0.36-0ubuntu0.24.04.1", "mariadb 10.11.6");
        assertThat(host(NET + 2).services()).extracting(s -> s.id() + " " + s.version()).contains("redis 7.2.4", "memcached 1.6.21");
        // identified from a known path (the root page says nothing)
        assertThat(five.services()).filteredOn(s -> s.id().equals("etcd")).singleElement()
                .satisfies(s -> assertThat(s.reason()).startsWith("GET /version answered 200"))
                .satisfies(s -> assertThat(s.version()).isEqualTo("3.5.12"));

        ScanReport.Host eight = host(NET + 8);
        assertThat(eight.ports()).extracting(ScanReport.Port::banner).contains(
                "DNS rcode=0 version.bind=\"dnsmasq-2.90\"",
                "NTP v4 server, stratum 2, refid 192.0.2.1",
                "SNMP sysDescr: Linux lab8 6.1.0-18-amd64 #1 SMP Debian x86_64",
                "NetBIOS names: LABHOST<00>, WORKGROUP<00>, MAC 00:11:32:01:02:03");
        assertThat(eight.ports()).allSatisfy(p -> assertThat(p.protocol()).isEqualTo("udp"));

        ScanReport.Host seven = host(NET + 7);
        assertThat(seven.ports()).extracting(ScanReport.Port::banner).contains("HELLO LAB 1.0");
    }

    @Test
    void hostnames_macs_and_vendors_come_from_the_resolver_and_the_neighbour_table() {
        ScanReport.Host one = host(NET + 1);
        assertThat(one.hostname()).isEqualTo("lab-one.test");
        assertThat(one.mac()).isEqualTo("00:11:32:0a:0b:0c");
        assertThat(one.vendor()).containsIgnoringCase("Synology");
        ScanReport.Host two = host(NET + 2);
        assertThat(two.hostname()).isNull();
        assertThat(two.mac()).isNull();
        assertThat(two.vendor()).isNull();
    }

    @Test
    void hosts_without_listeners_are_up_but_have_no_ports() throws IOException {
        // on loopback every address answers "refused", so .10 is up with nothing open
        assertThat(report.hosts()).extracting(ScanReport.Host::ip)
                .containsExactly(NET + 1, NET + 2, NET + 3, NET + 4, NET + 5, NET + 6, NET + 7, NET + 8, NET + 9, NET + 10);
        assertThat(host(NET + 10).ports()).isEmpty();
        assertThat(host(NET + 10).services()).isEmpty();
        assertThat(report.stats().hostsUp()).isEqualTo(10);
        assertThat(InetAddress.getByName(NET + 10).isLoopbackAddress()).isTrue();
    }

    @Test
    void the_whole_lab_scan_is_quick() {
        assertThat(scanMillis).as("lab scan took %d ms: %s", scanMillis, report.stats()).isLessThan(60_000); // a sanity bound; shared CI machines are slow at times
    }

    static String summary(ScanReport r) {
        return r.hosts().stream().map(h -> h.ip() + " " + h.services().stream().map(s -> s.port() + "=" + s.id()).collect(Collectors.joining(",")))
                .collect(Collectors.joining("; "));
    }
}
