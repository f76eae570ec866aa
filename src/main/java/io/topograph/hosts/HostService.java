package io.topograph.hosts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.networks.Network;
import io.topograph.networks.NetworkService;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.NotFoundException;
import io.topograph.platform.web.Paging;
import io.topograph.platform.web.ValidationException;
import io.topograph.tags.TagRef;
import io.topograph.tags.TagService;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Host use cases. Every host is reached through the member's organization and must sit in a
 * network the member may see (else 404); changes also need a role that writes (else 403).
 */
@Singleton
public class HostService {

    private final HostRepository hosts;
    private final HostInventory inventory;
    private final NetworkService networks;
    private final TagService tags;

    public HostService(HostRepository hosts, HostInventory inventory, NetworkService networks, TagService tags) {
        this.hosts = hosts;
        this.inventory = inventory;
        this.networks = networks;
        this.tags = tags;
    }

    /**
     * Everything a host list shows, read in one transaction: the page of rows (the last page
     * when {@code query} asks past it and {@code clampPage}), whether the network has any host at
     * all, and, with {@code withOptions}, the network's tags and the filters' choices.
     */
    public record Overview(Network network, HostListQuery query, Paging<HostRow> hosts, boolean emptyNetwork,
                           List<TagRef> networkTags, List<HostInventory.SubnetOption> subnets, List<String> categories,
                           List<TagRef> tags) {
    }

    @Transactional(readOnly = true)
    public Overview overview(CurrentMember member, UUID networkId, HostListQuery query, boolean withOptions) {
        Network network = networks.findVisible(member, networkId);
        UUID org = member.organizationId();
        Paging<HostRow> page = inventory.page(org, networkId, query);
        if (page.items().isEmpty() && page.total() > 0 && query.page() > 1) {
            // Past the last page (rows were deleted, or a hand-written URL): show the last page instead.
            query = query.withPage(page.pages());
            page = inventory.page(org, networkId, query);
        }
        boolean empty = page.total() == 0 && !hosts.anyInNetwork(org, networkId);
        if (!withOptions) {
            return new Overview(network, query, page, empty, List.of(), List.of(), List.of(), List.of());
        }
        return new Overview(network, query, page, empty, tags.networkTagsOf(org, networkId), inventory.subnets(org, networkId),
                inventory.categories(org), tags.refs(org));
    }

    @Transactional(readOnly = true)
    public Paging<HostRow> list(CurrentMember member, UUID networkId, HostListQuery query) {
        networks.findVisible(member, networkId);
        return inventory.page(member.organizationId(), networkId, query);
    }

    @Transactional(readOnly = true)
    public Host find(CurrentMember member, UUID hostId) {
        Host host = hosts.findByOrganizationIdAndId(member.organizationId(), hostId)
                .orElseThrow(() -> new NotFoundException("Host not found"));
        if (!member.canSee(host.networkId())) {
            throw new NotFoundException("Host not found");
        }
        return host;
    }

    @Transactional(readOnly = true)
    public HostDetail detail(CurrentMember member, UUID hostId) {
        Host h = find(member, hostId);
        UUID org = member.organizationId();
        return new HostDetail(h.id(), h.networkId(), h.name(), h.hostname(), h.description(), h.os(), h.source(), h.hidden(),
                h.userEdited(), h.firstSeen(), h.lastSeen(), h.createdAt(), h.updatedAt(), inventory.tags(org, hostId),
                inventory.interfaces(org, hostId), inventory.ports(org, hostId), inventory.services(org, hostId),
                inventory.seenBy(org, hostId).orElse(null), inventory.containers(org, hostId),
                inventory.presence(org, hostId));
    }

    @Transactional(readOnly = true)
    public HostRow row(CurrentMember member, UUID hostId) {
        find(member, hostId);
        return inventory.row(member.organizationId(), hostId).orElseThrow(() -> new NotFoundException("Host not found"));
    }

    /** Adds a host by hand, with an interface when an address is given; all checks happen before any write. */
    @Transactional
    public Host create(CurrentMember member, UUID networkId, HostForm form) {
        Network network = networks.findVisible(member, networkId);
        member.requireWrite();
        HostForm f = form.normalized();
        FormErrors errors = f.validate(true);
        List<UUID> tagIds = tags.resolveIds(member.organizationId(), f.tagIds(), errors, "tagIds");
        if (!errors.has("ip") && f.ip() != null) {
            inventory.hostWithIp(member.organizationId(), networkId, f.ip()).ifPresent(other ->
                    errors.add("ip", "The host “" + other + "” in this network already has this address."));
        }
        errors.throwIfAny();
        Instant now = Instant.now();
        // A host a person typed in is theirs: marked edited so discovery enriches it but never renames it.
        Host host = hosts.save(new Host(UUID.randomUUID(), member.organizationId(), network.id(), f.name(), f.hostname(),
                f.description(), null, false, true, Host.MANUAL, now, now, now, now));
        if (f.ip() != null) {
            inventory.addInterface(member.organizationId(), networkId, host.id(), f.ip(), now);
        }
        inventory.replaceTags(member.organizationId(), host.id(), tagIds);
        return host;
    }

    /**
     * A person's edit of name, host name and description; {@code hidden} and {@code tagIds}
     * change only when given. Marks the host as edited.
     */
    @Transactional
    public Host update(CurrentMember member, UUID hostId, HostForm form) {
        Host existing = find(member, hostId);
        member.requireWrite();
        HostForm f = form.normalized();
        FormErrors errors = f.validate(false);
        List<UUID> tagIds = tags.resolveIds(member.organizationId(), f.tagIds(), errors, "tagIds");
        errors.throwIfAny();
        hosts.updateEdited(member.organizationId(), hostId, f.name(), f.hostname(), f.description());
        if (f.hidden() != null && f.hidden() != existing.hidden()) {
            hosts.updateHidden(member.organizationId(), hostId, f.hidden());
        }
        if (f.tagIds() != null) {
            inventory.replaceTags(member.organizationId(), hostId, tagIds);
        }
        return find(member, hostId);
    }

    @Transactional
    public Host setHidden(CurrentMember member, UUID hostId, boolean hidden) {
        find(member, hostId);
        member.requireWrite();
        hosts.updateHidden(member.organizationId(), hostId, hidden);
        return find(member, hostId);
    }

    /** Replaces the host's tags (all or nothing); an unknown or foreign tag id is a 422. */
    @Transactional
    public List<TagRef> setTags(CurrentMember member, UUID hostId, @Nullable List<String> tagIds) {
        find(member, hostId);
        member.requireWrite();
        if (tagIds == null) {
            throw ValidationException.of("tagIds", "This field is required (an empty list removes every tag).");
        }
        FormErrors errors = FormErrors.none();
        List<UUID> ids = tags.resolveIds(member.organizationId(), tagIds, errors, "tagIds");
        errors.throwIfAny();
        inventory.replaceTags(member.organizationId(), hostId, ids);
        hosts.markEdited(member.organizationId(), hostId);
        return inventory.tags(member.organizationId(), hostId);
    }

    /** Deletes the host; its interfaces, ports, services, bindings and tag links go with it (cascade). */
    @Transactional
    public Host delete(CurrentMember member, UUID hostId) {
        Host existing = find(member, hostId);
        member.requireWrite();
        hosts.deleteByOrganizationIdAndId(member.organizationId(), hostId);
        return existing;
    }
}
