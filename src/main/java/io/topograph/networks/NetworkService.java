package io.topograph.networks;

import io.micronaut.transaction.annotation.Transactional;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.ForbiddenException;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.NotFoundException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Network use cases; every read goes through the member's organization and network access. */
@Singleton
public class NetworkService {

    public static final String FIRST_NETWORK_NAME = "Home network";

    private final NetworkRepository networks;

    public NetworkService(NetworkRepository networks) {
        this.networks = networks;
    }

    /** The networks this member may see, with inventory counts, by name. */
    @Transactional(readOnly = true)
    public List<NetworkSummary> listVisible(CurrentMember member) {
        List<Network> visible = visibleNetworks(member);
        Map<UUID, NetworkCounts> counts = networks.countsByOrganizationId(member.organizationId()).stream()
                .collect(Collectors.toMap(NetworkCounts::networkId, Function.identity()));
        return visible.stream().map(n -> {
            NetworkCounts c = counts.get(n.id());
            return NetworkSummary.of(n, c == null ? 0 : c.hosts(), c == null ? 0 : c.services());
        }).toList();
    }

    @Transactional(readOnly = true)
    public List<Network> visibleNetworks(CurrentMember member) {
        if (member.allNetworks()) {
            return networks.findAllByOrganizationId(member.organizationId());
        }
        if (member.networkIds().isEmpty()) {
            return List.of();
        }
        return networks.findAllByOrganizationIdAndIdIn(member.organizationId(), member.networkIds());
    }

    /** One visible network with its counts, or 404. */
    @Transactional(readOnly = true)
    public NetworkSummary findVisibleSummary(CurrentMember member, UUID networkId) {
        Network network = findVisible(member, networkId);
        NetworkCounts c = networks.countsByOrganizationIdAndNetworkId(member.organizationId(), networkId);
        return NetworkSummary.of(network, c.hosts(), c.services());
    }

    /** A network the member may see, or 404. */
    @Transactional(readOnly = true)
    public Network findVisible(CurrentMember member, UUID networkId) {
        member.requireVisible(networkId);
        return networks.findByOrganizationIdAndId(member.organizationId(), networkId)
                .orElseThrow(() -> new NotFoundException("Network not found"));
    }

    @Transactional
    public Network create(CurrentMember member, NetworkForm form) {
        requireNetworkManagement(member, "create");
        NetworkForm f = validated(member.organizationId(), form, null);
        Instant now = Instant.now();
        return networks.save(new Network(UUID.randomUUID(), member.organizationId(), f.name(), f.description(), now, now));
    }

    /** The network every new organization starts with, so the first discovery has a place to land. */
    @Transactional
    public Network createFirst(UUID organizationId) {
        Instant now = Instant.now();
        return networks.save(new Network(UUID.randomUUID(), organizationId, FIRST_NETWORK_NAME,
                "Created with the organization. Rename it to match your site.", now, now));
    }

    @Transactional
    public Network update(CurrentMember member, UUID networkId, NetworkForm form) {
        member.requireWrite();
        Network existing = findVisible(member, networkId);
        NetworkForm f = validated(member.organizationId(), form, networkId);
        return networks.update(new Network(existing.id(), existing.organizationId(), f.name(), f.description(),
                existing.createdAt(), Instant.now()));
    }

    @Transactional
    public Network delete(CurrentMember member, UUID networkId) {
        requireNetworkManagement(member, "delete");
        Network existing = findVisible(member, networkId);
        networks.deleteByOrganizationIdAndId(member.organizationId(), networkId);
        return existing;
    }

    /** Creating and deleting networks is for Owners and Admins (a Member would not even see a network they made). */
    private static void requireNetworkManagement(CurrentMember member, String verb) {
        if (!member.role().seesAllNetworks()) {
            throw new ForbiddenException("Only Owners and Admins can " + verb + " networks.");
        }
    }

    private NetworkForm validated(UUID organizationId, NetworkForm form, UUID exceptId) {
        NetworkForm f = form.normalized();
        FormErrors errors = f.validate();
        if (!errors.has("name") && networks.nameTaken(organizationId, f.name(), exceptId == null ? new UUID(0, 0) : exceptId)) {
            errors.add("name", "A network with this name already exists.");
        }
        errors.throwIfAny();
        return f;
    }
}
