package io.topograph.discovery.ingest;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Decides, for each reported host in batch order, which host of the network it is, by rules
 * that can be explained in one sentence, tried in order:
 * <ol>
 *   <li><b>MAC</b>: an interface of a host has the reported MAC address;</li>
 *   <li><b>subnet + IP</b>: an interface has the reported address, on the same subnet (the
 *       narrowest subnet of the network containing the address; an interface with no subnet
 *       recorded does not disagree), and no other MAC (a different MAC means another device
 *       now has this address);</li>
 *   <li><b>host name</b>: a host has the reported host name (ignoring case), unless it has MACs
 *       and the reported MAC is not one of them. Names like {@code localhost} identify nothing
 *       and are never matched.</li>
 * </ol>
 * Otherwise the host is new. When several hosts qualify, the one seen most recently wins.
 * Every decision is remembered for the rest of the batch, so two addresses of one new device
 * (one MAC) become one host.
 *
 * <p>Pure logic: the caller loads the candidates (by the batch's addresses, MACs and names).
 */
final class IdentityMatcher {

    /** An interface of a host in the network. {@code address} is its {@link Addresses#key}. */
    record KnownInterface(UUID hostId, String address, String ip, @Nullable String mac, @Nullable UUID subnetId,
                          Instant lastSeen) {
    }

    /** A host of the network with a host name, with the MACs of all its interfaces. */
    record KnownHost(UUID hostId, String hostname, Instant lastSeen, Set<String> macs) {
    }

    /** The decision for one reported host. */
    record Match(UUID hostId, MatchRule rule, String detail, boolean created, @Nullable UUID subnetId) {
    }

    /** Host names that many devices report about themselves. */
    private static final Set<String> NOT_IDENTIFYING = Set.of("localhost", "localhost.localdomain", "localhost6",
            "localhost6.localdomain6", "ip6-localhost", "ip6-loopback");

    private static final Comparator<KnownInterface> NEWEST_INTERFACE = Comparator.comparing(KnownInterface::lastSeen).reversed()
            .thenComparing(KnownInterface::hostId);

    private record Named(UUID hostId, Instant lastSeen) {
    }

    private final Subnets subnets;
    private final Map<String, List<KnownInterface>> byMac = new HashMap<>();
    private final Map<String, List<KnownInterface>> byAddress = new HashMap<>();
    private final Map<String, List<Named>> byName = new HashMap<>();
    private final Map<UUID, Set<String>> macsOfHost = new HashMap<>();

    IdentityMatcher(List<Subnets.Subnet> subnets, Collection<KnownInterface> interfaces, Collection<KnownHost> named) {
        this.subnets = new Subnets(subnets);
        interfaces.forEach(this::index);
        for (KnownHost h : named) {
            byName.computeIfAbsent(nameKey(h.hostname()), k -> new ArrayList<>()).add(new Named(h.hostId(), h.lastSeen()));
            macsOfHost.computeIfAbsent(h.hostId(), k -> new HashSet<>()).addAll(h.macs());
        }
    }

    /** Matches {@code host}; a new host gets an id from {@code newIds}. The decision is remembered as seen at {@code now}. */
    Match match(Batch.Host host, Supplier<UUID> newIds, Instant now) {
        Subnets.Subnet subnet = subnets.containing(host.ip());
        UUID subnetId = subnet == null ? null : subnet.id();
        Match match = decide(host, subnetId, subnet);
        if (match == null) {
            match = new Match(newIds.get(), MatchRule.NEW, "no host of the network has this MAC address, IP address or host name",
                    true, subnetId);
        }
        remember(host, match, now);
        return match;
    }

    @Nullable
    private Match decide(Batch.Host host, @Nullable UUID subnetId, @Nullable Subnets.Subnet subnet) {
        String mac = host.mac();
        if (mac != null) {
            KnownInterface byMacAddress = byMac.getOrDefault(mac, List.of()).stream().min(NEWEST_INTERFACE).orElse(null);
            if (byMacAddress != null) {
                return new Match(byMacAddress.hostId(), MatchRule.MAC,
                        "MAC " + mac + " was seen before on this host, at " + byMacAddress.ip(), false, subnetId);
            }
        }
        KnownInterface sameAddress = byAddress.getOrDefault(host.address(), List.of()).stream()
                .filter(i -> subnetId == null || i.subnetId() == null || subnetId.equals(i.subnetId()))
                .filter(i -> mac == null || i.mac() == null || mac.equals(i.mac()))
                .min(NEWEST_INTERFACE).orElse(null);
        if (sameAddress != null) {
            String where = subnet != null ? " in subnet " + subnet.cidr() : ", in no subnet of the network";
            return new Match(sameAddress.hostId(), MatchRule.SUBNET_IP, "IP address " + host.ip() + where
                    + (mac != null && sameAddress.mac() == null ? "; its MAC was not known yet" : ""), false, subnetId);
        }
        String hostname = host.hostname();
        if (hostname != null && identifies(hostname)) {
            Named named = byName.getOrDefault(nameKey(hostname), List.of()).stream()
                    .filter(n -> !conflictingMac(n.hostId(), mac))
                    .min(Comparator.comparing(Named::lastSeen).reversed().thenComparing(Named::hostId))
                    .orElse(null);
            if (named != null) {
                return new Match(named.hostId(), MatchRule.HOSTNAME, "host name " + hostname
                        + (mac == null ? "; no MAC address reported" : "; the host has no other MAC address"), false, subnetId);
            }
        }
        return null;
    }

    /** True when the host has MAC addresses and {@code mac} is not one of them. */
    private boolean conflictingMac(UUID hostId, @Nullable String mac) {
        if (mac == null) {
            return false;
        }
        Set<String> macs = macsOfHost.getOrDefault(hostId, Set.of());
        return !macs.isEmpty() && !macs.contains(mac);
    }

    private void remember(Batch.Host host, Match match, Instant now) {
        List<KnownInterface> same = byAddress.getOrDefault(host.address(), List.of());
        KnownInterface previous = same.stream().filter(i -> i.hostId().equals(match.hostId())).findFirst().orElse(null);
        if (previous != null) {
            unindex(previous);
        }
        String mac = host.mac() != null ? host.mac() : previous == null ? null : previous.mac();
        UUID subnetId = match.subnetId() != null ? match.subnetId() : previous == null ? null : previous.subnetId();
        index(new KnownInterface(match.hostId(), host.address(), host.ip(), mac, subnetId, now));
        if (host.hostname() != null) {
            List<Named> names = byName.computeIfAbsent(nameKey(host.hostname()), k -> new ArrayList<>());
            names.removeIf(n -> n.hostId().equals(match.hostId()));
            names.add(new Named(match.hostId(), now));
        }
    }

    private void index(KnownInterface i) {
        byAddress.computeIfAbsent(i.address(), k -> new ArrayList<>()).add(i);
        if (i.mac() != null) {
            byMac.computeIfAbsent(i.mac(), k -> new ArrayList<>()).add(i);
            macsOfHost.computeIfAbsent(i.hostId(), k -> new HashSet<>()).add(i.mac());
        }
    }

    private void unindex(KnownInterface i) {
        byAddress.getOrDefault(i.address(), new ArrayList<>()).remove(i);
        if (i.mac() != null) {
            byMac.getOrDefault(i.mac(), new ArrayList<>()).remove(i);
        }
    }

    /** Whether a host name may identify a host (never {@code localhost} and its kin). */
    static boolean identifies(String hostname) {
        return !NOT_IDENTIFYING.contains(nameKey(hostname));
    }

    static String nameKey(String hostname) {
        String lower = hostname.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
