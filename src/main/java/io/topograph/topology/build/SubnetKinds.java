package io.topograph.topology.build;

import io.topograph.topology.graph.SubnetKind;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guesses what a subnet is from facts the inventory has, in a fixed order of evidence (strongest
 * first): its addresses (loopback, Docker's default bridge), Docker containers having addresses in
 * it, the words of its name, VPN services on its hosts, else LAN. Pure: the caller gathers the
 * facts, and a kind a person chose ({@code subnets.kind_chosen}) is used instead of any guess.
 */
public final class SubnetKinds {

    /** Docker's default bridge network ({@code docker0}). */
    static final Cidr DOCKER_DEFAULT = Cidr.parse("172.17.0.0/16");
    static final Cidr LOOPBACK_V4 = Cidr.parse("127.0.0.0/8");
    static final Cidr LOOPBACK_V6 = Cidr.parse("::1/128");

    /** Catalog ids of VPN servers and tunnels: a subnet whose hosts run one is probably the tunnel's network. */
    static final Set<String> VPN_SERVICES = Set.of("openvpn", "wireguard", "ipsec", "ike", "l2tp", "pptp", "tailscale",
            "zerotier", "headscale", "netbird", "softether", "strongswan", "fortigate-ssl-vpn", "openconnect", "ocserv");

    /** Name words, checked in this order (the first kind whose words match wins), as whole words. */
    private static final List<NameRule> NAME_RULES = List.of(
            new NameRule(SubnetKind.VPN, "vpn|wireguard|wg\\d*|tun\\d*|tap\\d*|tailscale|zerotier|openvpn|ipsec|tunnel"),
            new NameRule(SubnetKind.DOCKER_BRIDGE, "docker\\d*|bridge|br-[0-9a-f]+|containers?|podman"),
            new NameRule(SubnetKind.GUEST, "guests?|visitors?|hotspot|public"),
            new NameRule(SubnetKind.IOT, "iot|smart[- ]?home|cameras?|cctv|sensors?|automation|things"),
            new NameRule(SubnetKind.WIFI, "wi-?fi|wlan|wireless|ssid"),
            new NameRule(SubnetKind.DMZ, "dmz|perimeter|edge|exposed"),
            new NameRule(SubnetKind.MANAGEMENT, "management|mgmt|mgt|oob|ipmi|bmc|idrac|ilo|admin"),
            new NameRule(SubnetKind.SERVERS, "servers?|datacenter|srv|backend|storage"),
            new NameRule(SubnetKind.LOOPBACK, "loopback|localhost"));

    private record NameRule(SubnetKind kind, Pattern words) {
        NameRule(SubnetKind kind, String words) {
            this(kind, Pattern.compile("(^|[^a-z0-9])(" + words + ")($|[^a-z0-9])"));
        }
    }

    /**
     * What the guess is based on: the subnet's CIDR and name, whether Docker containers report
     * addresses in it, and the catalog ids of the services run by its hosts that have addresses in
     * no other subnet (a router in every subnet running a VPN server says nothing about which of
     * them is the tunnel's).
     */
    public record Facts(String cidr, String name, boolean containerAddresses, Collection<String> serviceDefinitionIds) {
    }

    private SubnetKinds() {
    }

    public static SubnetKind guess(Facts facts) {
        Cidr cidr = Cidr.parse(facts.cidr());
        if (cidr != null && (cidr.within(LOOPBACK_V4) || cidr.within(LOOPBACK_V6))) {
            return SubnetKind.LOOPBACK;
        }
        if ((cidr != null && cidr.within(DOCKER_DEFAULT)) || facts.containerAddresses()) {
            return SubnetKind.DOCKER_BRIDGE;
        }
        String name = facts.name() == null ? "" : facts.name().toLowerCase(Locale.ROOT);
        for (NameRule rule : NAME_RULES) {
            if (rule.words().matcher(name).find()) {
                return rule.kind();
            }
        }
        if (facts.serviceDefinitionIds().stream().anyMatch(VPN_SERVICES::contains)) {
            return SubnetKind.VPN;
        }
        return SubnetKind.LAN;
    }
}
