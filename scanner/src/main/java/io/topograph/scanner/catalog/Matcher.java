package io.topograph.scanner.catalog;

import io.topograph.scanner.evidence.PortEvidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Identifies the services of one host. Every definition is evaluated against every open port; on each
 * port the most specific matching definition wins, by this order (first difference decides):
 *
 * <ol>
 *   <li>a definition the catalog matches first ({@link Catalog#withPrecedence}: an organization's own)
 *       beats every other;</li>
 *   <li>evidence strength: the strongest satisfied condition (banner, HTTP title, HTTP body 4 &gt;
 *       HTTP header, TLS subject 3 &gt; protocol, MAC vendor 2 &gt; port 1);</li>
 *   <li>a specific definition beats one marked {@code generic};</li>
 *   <li>more satisfied content conditions (weight 3 or more);</li>
 *   <li>higher {@code priority};</li>
 *   <li>more satisfied conditions of any kind;</li>
 *   <li>the smaller id (so results never depend on file order).</li>
 * </ol>
 *
 * A definition identified by content (strength 3+) also claims the other open ports its rule names when
 * nothing stronger than a port-only match explains them. Open ports nobody claims are unidentified.
 *
 * <p>Confidence (unless the definition fixes it): 85 for strength 4, 75 for 3, 50 for 2, 30 for 1;
 * +5 for each further satisfied condition (at most +10); -10 for generic definitions; a claimed
 * companion port gets its owner's confidence -20.
 */
public final class Matcher {

    private final Catalog catalog;
    private final Comparator<ServiceMatch> precedence;

    public Matcher(Catalog catalog) {
        this.catalog = catalog;
        this.precedence = Comparator.<ServiceMatch, Boolean>comparing(m -> catalog.preferred(m.definition())).thenComparing(PRECEDENCE);
    }

    public record HostResult(List<ServiceMatch> services, List<Integer> unidentifiedPorts) {
    }

    static final Comparator<ServiceMatch> PRECEDENCE = Comparator
            .comparingInt(ServiceMatch::strength)
            .thenComparing(m -> !m.definition().generic())
            .thenComparingLong(m -> m.hits().stream().filter(h -> h.kind().weight >= 3).count())
            .thenComparingInt(m -> m.definition().priority())
            .thenComparingInt(m -> m.hits().size())
            .thenComparing(m -> m.definition().id(), Comparator.reverseOrder());

    /**
     * Results by what was evaluated: many hosts of a scan answer alike (the same SSH or database
     * greeting on the same port), and the same evidence is identified once, not once per host.
     */
    private final Map<MatchContext, java.util.Optional<ServiceMatch>> known = new java.util.concurrent.ConcurrentHashMap<>();

    /** The best match on one port, or null. */
    public ServiceMatch best(MatchContext ctx) {
        java.util.Optional<ServiceMatch> seen = known.get(ctx);
        if (seen == null) {
            // evidence workers often meet the same evidence at the same moment: one evaluates, the others wait for it
            seen = known.computeIfAbsent(ctx, c -> java.util.Optional.ofNullable(evaluate(c)));
        }
        return seen.orElse(null);
    }

    private ServiceMatch evaluate(MatchContext ctx) {
        ServiceMatch best = null;
        for (ServiceDefinition d : catalog.definitions()) {
            List<Rule.Hit> hits = new ArrayList<>();
            if (!d.rule().evaluate(ctx, hits) || hits.isEmpty()) {
                continue;
            }
            ServiceMatch m = match(d, ctx.port(), ctx.protocol(), hits);
            if (best == null || precedence.compare(m, best) > 0) {
                best = m;
            }
        }
        return best;
    }

    /** Every definition that matches on a port, best first (for explaining a decision). */
    public List<ServiceMatch> candidates(MatchContext ctx) {
        List<ServiceMatch> all = new ArrayList<>();
        for (ServiceDefinition d : catalog.definitions()) {
            List<Rule.Hit> hits = new ArrayList<>();
            if (d.rule().evaluate(ctx, hits) && !hits.isEmpty()) {
                all.add(match(d, ctx.port(), ctx.protocol(), hits));
            }
        }
        all.sort(precedence.reversed());
        return all;
    }

    public HostResult identify(Map<Integer, PortEvidence> openPorts, String macVendor) {
        return identify(openPorts, Map.of(), macVendor);
    }

    /**
     * Identifies the services on a host's open TCP ports and answered UDP ports. Unidentified ports are
     * TCP ports (a UDP port is only known open when a probe of ours got an answer).
     */
    public HostResult identify(Map<Integer, PortEvidence> openPorts, Map<Integer, PortEvidence> udpPorts, String macVendor) {
        Map<Integer, ServiceMatch> byPort = new LinkedHashMap<>();
        for (Map.Entry<Integer, PortEvidence> e : new java.util.TreeMap<>(openPorts).entrySet()) {
            ServiceMatch m = best(new MatchContext(e.getKey(), e.getValue(), macVendor));
            if (m != null) {
                byPort.put(e.getKey(), m);
            }
        }
        // content-identified services claim their other ports
        List<ServiceMatch> owners = byPort.values().stream().filter(m -> m.strength() >= 3 && !m.claimedByOwner())
                .sorted(precedence.reversed()).toList();
        for (ServiceMatch owner : owners) {
            for (int p : owner.definition().rule().ownedPorts()) {
                if (p == owner.port() || !openPorts.containsKey(p)) {
                    continue;
                }
                ServiceMatch current = byPort.get(p);
                if (current == null || (current.strength() <= 1 && !catalog.preferred(current.definition()))) {
                    int conf = Math.max(5, owner.confidence() - 20);
                    String reason = "port " + p + " belongs to " + owner.definition().name() + ", identified on port " + owner.port();
                    byPort.put(p, new ServiceMatch(owner.definition(), p, "tcp", List.of(new Rule.Hit(Evidence.PORT, reason)), 1, conf, reason, true));
                }
            }
        }
        Set<Integer> unidentified = new TreeSet<>(openPorts.keySet());
        unidentified.removeAll(byPort.keySet());
        List<ServiceMatch> services = new ArrayList<>(byPort.values());
        for (Map.Entry<Integer, PortEvidence> e : new java.util.TreeMap<>(udpPorts).entrySet()) {
            ServiceMatch m = best(new MatchContext(e.getKey(), "udp", e.getValue(), macVendor));
            if (m != null) {
                services.add(m);
            }
        }
        services.sort(Comparator.comparing(ServiceMatch::protocol).thenComparingInt(ServiceMatch::port));
        return new HostResult(services, List.copyOf(unidentified));
    }

    static ServiceMatch match(ServiceDefinition d, int port, String protocol, List<Rule.Hit> hits) {
        int strength = hits.stream().mapToInt(h -> h.kind().weight).max().orElse(0);
        int confidence;
        if (d.confidence() != null) {
            confidence = d.confidence();
        } else {
            confidence = switch (strength) {
                case 4 -> 85;
                case 3 -> 75;
                case 2 -> 50;
                default -> 30;
            };
            confidence += Math.min(10, 5 * (hits.size() - 1));
            if (d.generic()) {
                confidence -= 10;
            }
            confidence = Math.max(1, Math.min(99, confidence));
        }
        List<String> reasons = new ArrayList<>();
        for (Rule.Hit h : hits) {
            if (!reasons.contains(h.reason())) {
                reasons.add(h.reason());
            }
        }
        return new ServiceMatch(d, port, protocol, List.copyOf(hits), strength, confidence, String.join("; ", reasons), false);
    }
}
