package io.topograph.changes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.networks.NetworkService;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.NotFoundException;
import io.topograph.platform.web.Paging;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What changed, for people: the changes of one network or of every network the member may see,
 * and their acknowledgement. Anyone who may see a network reads its changes; acknowledging
 * needs a role that may change things (not a Viewer): it changes what the team sees as "new".
 */
@Singleton
public class ChangeService {

    private final ChangeLog log;
    private final NetworkService networks;

    public ChangeService(ChangeLog log, NetworkService networks) {
        this.log = log;
        this.networks = networks;
    }

    @Transactional
    public Paging<ChangeLog.Entry> forNetwork(CurrentMember member, UUID networkId, ChangeQuery query) {
        networks.findVisible(member, networkId);
        return page(member, List.of(networkId), query);
    }

    @Transactional
    public Paging<ChangeLog.Entry> forOrganization(CurrentMember member, ChangeQuery query) {
        return page(member, member.networkFilter(), query);
    }

    /** The change if the member may see its network, else 404. */
    @Transactional
    public ChangeLog.Entry find(CurrentMember member, UUID id) {
        return log.find(member.organizationId(), id).filter(e -> member.canSee(e.event().networkId()))
                .orElseThrow(() -> new NotFoundException("Change not found"));
    }

    /** Acknowledges one change (again: no effect); 404 when not visible, 403 for a Viewer. */
    @Transactional
    public ChangeLog.Entry acknowledge(CurrentMember member, UUID id) {
        find(member, id);
        member.requireWrite();
        log.acknowledge(member.organizationId(), id, member.userId());
        return find(member, id);
    }

    /** Acknowledges every unacknowledged change matching the filters, of one network or all the member sees; answers how many. */
    @Transactional
    public int acknowledgeAll(CurrentMember member, @Nullable UUID networkId, ChangeQuery query) {
        Collection<UUID> scope;
        if (networkId != null) {
            networks.findVisible(member, networkId);
            scope = Set.of(networkId);
        } else {
            scope = member.networkFilter();
        }
        member.requireWrite();
        return log.acknowledgeAll(member.organizationId(), scope, query, member.userId());
    }

    private Paging<ChangeLog.Entry> page(CurrentMember member, @Nullable Collection<UUID> networkIds, ChangeQuery query) {
        if (networkIds != null && networkIds.isEmpty()) {
            return new Paging<>(List.of(), query.page(), query.size(), 0);
        }
        long total = log.count(member.organizationId(), networkIds, query);
        return new Paging<>(log.page(member.organizationId(), networkIds, query), query.page(), query.size(), total);
    }
}
