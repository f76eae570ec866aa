package io.topograph.topology.build;

import io.micronaut.core.annotation.Nullable;

import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Picks the gateway of a subnet among its hosts, explainably. Evidence, strongest first: the host
 * runs a router or firewall (a {@code network} service of a router/firewall product), then it sits
 * at the subnet's first usable address (.1), then at its last usable address (.254). A host with
 * only a plain network service (DNS, NTP…) on neither address is not a gateway; ties go to the
 * lower address. The reason says in words why the host was chosen.
 */
public final class Gateways {

    /** Catalog ids (category {@code network}) of routers and firewalls. */
    static final Set<String> ROUTERS = Set.of("pfsense", "opnsense", "openwrt", "dd-wrt", "mikrotik-routeros", "mikrotik-winbox",
            "mikrotik-api", "fritzbox", "edgeos", "unifi-network", "unifi-os", "omada", "cisco-ios-http", "fortigate", "sophos",
            "watchguard", "paloalto", "netgear", "tplink-web", "asus-router", "snmp-cisco", "snmp-routeros");

    /** A host's address in the subnet and what it runs. */
    public record Candidate(String nodeId, String label, String ip, Collection<String> serviceDefinitionIds,
                            Collection<String> serviceNames) {
    }

    public record Choice(String nodeId, String reason) {
    }

    private Gateways() {
    }

    @Nullable
    public static Choice choose(String cidrText, List<Candidate> candidates) {
        Cidr cidr = Cidr.parse(cidrText);
        if (cidr == null) {
            return null;
        }
        Candidate best = null;
        int bestScore = 0;
        BigInteger bestIp = null;
        for (Candidate c : candidates) {
            BigInteger ip = Cidr.address(c.ip());
            if (ip == null || !cidr.contains(c.ip())) {
                continue;
            }
            int score = score(cidr, ip, c);
            if (score > bestScore || (score == bestScore && score > 0 && (ip.compareTo(bestIp) < 0
                    || (ip.equals(bestIp) && c.nodeId().compareTo(best.nodeId()) < 0)))) {
                best = c;
                bestScore = score;
                bestIp = ip;
            }
        }
        return best == null ? null : new Choice(best.nodeId(), reason(cidr, Cidr.address(best.ip()), best));
    }

    private static int score(Cidr cidr, BigInteger ip, Candidate c) {
        int score = 0;
        if (router(c) != null) {
            score += 4;
        }
        if (ip.equals(cidr.firstUsable())) {
            score += 2;
        } else if (ip.equals(cidr.lastUsable())) {
            score += 1;
        }
        return score;
    }

    @Nullable
    private static String router(Candidate c) {
        List<String> ids = List.copyOf(c.serviceDefinitionIds());
        List<String> names = List.copyOf(c.serviceNames());
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) != null && ROUTERS.contains(ids.get(i))) {
                return i < names.size() ? names.get(i) : ids.get(i);
            }
        }
        return null;
    }

    private static String reason(Cidr cidr, BigInteger ip, Candidate c) {
        StringBuilder why = new StringBuilder(c.label()).append(" (").append(c.ip()).append(")");
        String router = router(c);
        if (router != null) {
            why.append(" runs ").append(router).append(", a router or firewall");
        }
        String position = ip.equals(cidr.firstUsable()) ? "the first usable address" : ip.equals(cidr.lastUsable()) ? "the last usable address" : null;
        if (position != null) {
            why.append(router != null ? ", and has " : " has ").append(position);
        }
        return why.append(" of ").append(cidr.text()).toString();
    }

}
