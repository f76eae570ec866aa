package io.topograph.platform.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.topograph.platform.web.ForbiddenException;
import io.topograph.platform.web.NotFoundException;

import java.util.Set;
import java.util.UUID;

/**
 * Who is acting, in which organization, with which role and network access. Resolved once per
 * request by {@link TenancyFilter}; everything tenant-owned is read through its organization id.
 *
 * @param networkIds the networks a Member or Viewer (or a network-scoped API key) may see;
 *                   ignored when {@link #allNetworks()} is true
 */
public record CurrentMember(UUID organizationId,
                            String organizationSlug,
                            String organizationName,
                            UUID userId,
                            UUID membershipId,
                            Role role,
                            boolean allNetworks,
                            Set<UUID> networkIds,
                            @Nullable UUID apiKeyId) {

    public boolean canSee(UUID networkId) {
        return allNetworks || networkIds.contains(networkId);
    }

    /** Throws 404 for a network this member may not see, so its existence is not revealed. */
    public void requireVisible(UUID networkId) {
        if (!canSee(networkId)) {
            throw new NotFoundException("Network not found");
        }
    }

    public boolean canWrite() {
        return role.canWrite();
    }

    public boolean canManageMembers() {
        return role.canManageMembers();
    }

    public boolean isOwner() {
        return role == Role.OWNER;
    }

    public void requireWrite() {
        if (!canWrite()) {
            throw new ForbiddenException("Viewers cannot change anything in " + organizationName + ".");
        }
    }

    public void requireMemberManagement() {
        if (!canManageMembers()) {
            throw new ForbiddenException("Only Owners and Admins can manage members and invites.");
        }
    }

    public void requireOwnerOrAdmin() {
        if (!role.atLeast(Role.ADMIN)) {
            throw new ForbiddenException("Only Owners and Admins can change organization settings.");
        }
    }

    public void requireOwner() {
        if (!isOwner()) {
            throw new ForbiddenException("Only Owners can do this.");
        }
    }

    /** Network ids to restrict list queries to, or null when every network is visible. */
    @Nullable
    public Set<UUID> networkFilter() {
        return allNetworks ? null : networkIds;
    }
}
