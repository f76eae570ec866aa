package io.topograph.changes;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Change detection over a sequence of synthetic runs: a small in-memory inventory plays the
 * database (it keeps what the detector wrote back), and each run reports which hosts it saw
 * with which ports and services.
 */
class ChangeDetectorTest {

    static final AddressRanges LAN = AddressRanges.of(List.of("127.0.10.1-127.0.10.254"));

    /** A host as the inventory keeps it. */
    static final class Host {
        final UUID id = UUID.randomUUID();
        final String name;
        Boolean online;
        int missedRuns;
        String knownIp;
        String knownMac;
        String knownHostname;
        final List<String> addresses = new ArrayList<>();
        final Map<String, UUID> portIds = new HashMap<>();
        final Map<UUID, Boolean> portPresent = new HashMap<>();
        final Map<String, UUID> serviceIds = new HashMap<>();
        final Map<UUID, Boolean> servicePresent = new HashMap<>();

        Host(String name) {
            this.name = name;
        }
    }

    /** What a run saw of one host: address, MAC, name, open TCP ports and services ("name@port"). */
    record Sighting(Host host, String ip, String mac, String hostname, Set<Integer> open, Set<String> services) {
    }

    final Map<UUID, Host> inventory = new LinkedHashMap<>();

    Host host(String name) {
        Host h = new Host(name);
        inventory.put(h.id, h);
        return h;
    }

    static Sighting saw(Host h, String ip, Integer... open) {
        return new Sighting(h, ip, null, null, Set.of(open), Set.of());
    }

    static ChangeDetector.Scope scope(AddressRanges targets, int... ports) {
        BitSet tcp = new BitSet();
        for (int p : ports) {
            tcp.set(p);
        }
        return new ChangeDetector.Scope(tcp, new BitSet(), targets, 3);
    }

    /** Runs the detector as the store would feed it, applies its outcome, answers the changes as "KIND host subject before->after". */
    List<String> run(ChangeDetector.Scope scope, Sighting... sightings) {
        List<ChangeDetector.SeenHost> seen = new ArrayList<>();
        List<ChangeDetector.Port> ports = new ArrayList<>();
        List<ChangeDetector.Service> services = new ArrayList<>();
        Set<UUID> seenIds = new java.util.HashSet<>();
        for (Sighting s : sightings) {
            Host h = s.host();
            seenIds.add(h.id);
            boolean knownIpSeen = h.knownIp != null && h.knownIp.equals(s.ip());
            if (!h.addresses.contains(s.ip())) {
                h.addresses.add(s.ip());
            }
            seen.add(new ChangeDetector.SeenHost(h.id, h.name, h.online, h.missedRuns, h.knownIp, h.knownMac, h.knownHostname,
                    knownIpSeen, s.ip(), s.mac(), s.hostname()));
            for (int p : s.open()) {
                h.portIds.computeIfAbsent("TCP/" + p, k -> UUID.randomUUID());
            }
            for (String svc : s.services()) {
                h.serviceIds.computeIfAbsent(svc, k -> UUID.randomUUID());
            }
            h.portIds.forEach((key, id) -> {
                int number = Integer.parseInt(key.substring(4));
                ports.add(new ChangeDetector.Port(id, h.id, number, "TCP", h.portPresent.get(id), s.open().contains(number)));
            });
            h.serviceIds.forEach((key, id) -> {
                String[] parts = key.split("@");
                services.add(new ChangeDetector.Service(id, h.id, parts[0], Integer.parseInt(parts[1]), "TCP", h.servicePresent.get(id),
                        s.services().contains(key)));
            });
        }
        List<ChangeDetector.MissedHost> missed = inventory.values().stream()
                .filter(h -> Boolean.TRUE.equals(h.online) && !seenIds.contains(h.id))
                .map(h -> new ChangeDetector.MissedHost(h.id, h.name, h.missedRuns, List.copyOf(h.addresses))).toList();

        ChangeDetector.Outcome outcome = ChangeDetector.detect(scope, seen, missed, ports, services);

        for (ChangeDetector.HostState st : outcome.hosts()) {
            Host h = inventory.get(st.id());
            h.online = st.online();
            h.missedRuns = st.missedRuns();
            h.knownIp = st.knownIp() != null ? st.knownIp() : h.knownIp;
            h.knownMac = st.knownMac() != null ? st.knownMac() : h.knownMac;
            h.knownHostname = st.knownHostname() != null ? st.knownHostname() : h.knownHostname;
        }
        inventory.values().forEach(h -> {
            outcome.ports().forEach((id, present) -> {
                if (h.portIds.containsValue(id)) {
                    h.portPresent.put(id, present);
                }
            });
            outcome.services().forEach((id, present) -> {
                if (h.serviceIds.containsValue(id)) {
                    h.servicePresent.put(id, present);
                }
            });
        });
        return outcome.changes().stream()
                .map(c -> c.kind() + " " + c.hostName() + " " + c.subject() + (c.before() != null || c.after() != null
                        ? " " + c.before() + "->" + c.after() : ""))
                .collect(Collectors.toList());
    }

    @Test
    void a_sequence_of_runs_yields_each_kind_of_change_once() {
        ChangeDetector.Scope lan = scope(LAN, 22, 80, 443);
        Host web = host("web");
        Host db = host("db");

        assertThat(run(lan, saw(web, "127.0.10.5", 22, 80), saw(db, "127.0.10.6", 22)))
                .as("first run: two hosts appear; their ports are part of the appearance")
                .containsExactly("HOST_APPEARED web 127.0.10.5 null->127.0.10.5", "HOST_APPEARED db 127.0.10.6 null->127.0.10.6");

        assertThat(run(lan, saw(web, "127.0.10.5", 22, 80), saw(db, "127.0.10.6", 22))).as("nothing changed").isEmpty();

        assertThat(run(lan, saw(web, "127.0.10.5", 22, 443), saw(db, "127.0.10.6", 22)))
                .containsExactly("PORT_CLOSED web 80/tcp open->null", "PORT_OPENED web 443/tcp null->open");

        assertThat(run(lan, saw(web, "127.0.10.5", 22, 443), saw(db, "127.0.10.9", 22)))
                .as("db moved: its old address was not seen").containsExactly("HOST_CHANGED db IP address 127.0.10.6->127.0.10.9");

        assertThat(run(lan, saw(web, "127.0.10.5", 22, 443))).as("db missed one run: not gone yet").isEmpty();
        assertThat(run(lan, saw(web, "127.0.10.5", 22, 443))).isEmpty();
        assertThat(run(lan, saw(web, "127.0.10.5", 22, 443)))
                .as("third missed run in a row").containsExactly("HOST_DISAPPEARED db 127.0.10.6 127.0.10.6->null");
        assertThat(run(lan, saw(web, "127.0.10.5", 22, 443))).as("gone once, not again").isEmpty();
        assertThat(db.online).isFalse();

        assertThat(run(lan, saw(web, "127.0.10.5", 22, 443), saw(db, "127.0.10.9", 22)))
                .as("a host back after being gone appeared again").containsExactly("HOST_APPEARED db 127.0.10.9 null->127.0.10.9");
        assertThat(db.online).isTrue();
        assertThat(db.missedRuns).isZero();
    }

    @Test
    void services_appear_and_disappear_only_on_ports_the_run_scanned() {
        Host web = host("web");
        ChangeDetector.Scope lan = scope(LAN, 22, 80);
        run(lan, new Sighting(web, "127.0.10.5", null, null, Set.of(22, 80), Set.of("OpenSSH@22")));

        assertThat(run(lan, new Sighting(web, "127.0.10.5", null, null, Set.of(22, 80), Set.of("OpenSSH@22", "nginx@80"))))
                .containsExactly("SERVICE_APPEARED web nginx null->80/tcp");
        assertThat(run(scope(LAN, 22), new Sighting(web, "127.0.10.5", null, null, Set.of(22), Set.of("OpenSSH@22"))))
                .as("a run that did not scan port 80 says nothing about it").isEmpty();
        assertThat(run(lan, new Sighting(web, "127.0.10.5", null, null, Set.of(22), Set.of("OpenSSH@22"))))
                .containsExactly("PORT_CLOSED web 80/tcp open->null", "SERVICE_DISAPPEARED web nginx 80/tcp->null");
    }

    @Test
    void a_new_mac_or_host_name_is_a_change_but_a_first_value_or_a_case_change_is_not() {
        Host nas = host("nas");
        ChangeDetector.Scope lan = scope(LAN, 22);
        run(lan, new Sighting(nas, "127.0.10.7", null, null, Set.of(), Set.of()));
        assertThat(run(lan, new Sighting(nas, "127.0.10.7", "02:00:5e:00:00:01", "nas.example", Set.of(), Set.of())))
                .as("values learnt for the first time").isEmpty();
        assertThat(run(lan, new Sighting(nas, "127.0.10.7", "02:00:5E:00:00:01", "NAS.example", Set.of(), Set.of()))).isEmpty();
        assertThat(run(lan, new Sighting(nas, "127.0.10.7", "02:00:5e:00:00:02", "storage.example", Set.of(), Set.of())))
                .containsExactly("HOST_CHANGED nas MAC address 02:00:5e:00:00:01->02:00:5e:00:00:02",
                        "HOST_CHANGED nas Name NAS.example->storage.example");
        assertThat(run(lan, new Sighting(nas, "127.0.10.7", null, null, Set.of(), Set.of())))
                .as("a run that did not learn the MAC or name changes nothing").isEmpty();
    }

    @Test
    void a_multi_homed_host_seen_at_its_known_address_too_did_not_change_address() {
        Host router = host("router");
        ChangeDetector.Scope lan = scope(LAN, 22);
        run(lan, saw(router, "127.0.10.1"));
        router.addresses.add("127.0.10.2");
        ChangeDetector.SeenHost both = new ChangeDetector.SeenHost(router.id, "router", true, 0, "127.0.10.1", null, null, true,
                "127.0.10.2", null, null);
        assertThat(ChangeDetector.detect(lan, List.of(both), List.of(), List.of(), List.of()).changes()).isEmpty();
    }

    @Test
    void a_run_over_other_targets_or_unknown_targets_does_not_count_against_a_host() {
        Host printer = host("printer");
        Host other = host("other");
        ChangeDetector.Scope lan = scope(LAN, 22);
        run(lan, saw(printer, "127.0.10.20"), saw(other, "127.0.10.21"));
        ChangeDetector.Scope justOther = scope(AddressRanges.of(List.of("127.0.10.21-127.0.10.21")), 22);
        ChangeDetector.Scope unknown = scope(null, 22);
        for (int i = 0; i < 5; i++) {
            assertThat(run(justOther, saw(other, "127.0.10.21"))).isEmpty();
            assertThat(run(unknown, saw(other, "127.0.10.21"))).isEmpty();
        }
        assertThat(printer.online).isTrue();
        assertThat(printer.missedRuns).isZero();
        run(lan, saw(other, "127.0.10.21"));
        assertThat(printer.missedRuns).isEqualTo(1);
        run(lan, saw(other, "127.0.10.21"), saw(printer, "127.0.10.20"));
        assertThat(printer.missedRuns).as("seen again: the count starts over").isZero();
    }

    @Test
    void a_steady_network_writes_nothing_back() {
        Host web = host("web");
        ChangeDetector.Scope lan = scope(LAN, 22);
        run(lan, new Sighting(web, "127.0.10.5", "02:00:5e:00:00:09", "web.example", Set.of(22), Set.of("OpenSSH@22")));
        ChangeDetector.SeenHost again = new ChangeDetector.SeenHost(web.id, "web", true, 0, "127.0.10.5", "02:00:5e:00:00:09",
                "web.example", true, "127.0.10.5", "02:00:5e:00:00:09", "web.example");
        ChangeDetector.Outcome outcome = ChangeDetector.detect(lan, List.of(again), List.of(),
                List.of(new ChangeDetector.Port(web.portIds.get("TCP/22"), web.id, 22, "TCP", true, true)),
                List.of(new ChangeDetector.Service(web.serviceIds.get("OpenSSH@22"), web.id, "OpenSSH", 22, "TCP", true, true)));
        assertThat(outcome.changes()).isEmpty();
        assertThat(outcome.hosts()).isEmpty();
        assertThat(outcome.ports()).isEmpty();
        assertThat(outcome.services()).isEmpty();
    }

    @Test
    void address_ranges_hold_their_addresses_and_never_resolve_names() {
        AddressRanges r = AddressRanges.of(List.of("127.0.0.1-127.0.0.9", "::1-::1"));
        assertThat(r.contains("127.0.0.1")).isTrue();
        assertThat(r.contains("127.0.0.9")).isTrue();
        assertThat(r.contains("127.0.0.10")).isFalse();
        assertThat(r.contains("::1")).isTrue();
        assertThat(r.contains("::2")).isFalse();
        assertThat(r.contains("localhost")).isFalse();
        assertThat(r.contains("cafe.example")).isFalse();
        assertThat(r.contains("127.0.0.300")).isFalse();
        assertThatThrownBy(() -> AddressRanges.of(List.of("127.0.0.1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangeDetector.Scope(new BitSet(), new BitSet(), null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
