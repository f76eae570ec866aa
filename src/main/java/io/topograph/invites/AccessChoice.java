package io.topograph.invites;

import io.micronaut.core.annotation.Nullable;
import io.topograph.networks.Network;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.tenancy.Role;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.ForbiddenException;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A role and, for Members and Viewers, the networks granted: what an invite offers and what a
 * member edit sets. Shared by invites and member management so both check input the same way.
 *
 * @param networkIds empty for Owners and Admins (they see every network)
 */
public record AccessChoice(Role role, Set<UUID> networkIds) {

    public static final String ROLE = "role";
    public static final String NETWORKS = "networkIds";
    static final int MAX_NETWORKS = 1000;

    /**
     * Checks a role name and network ids against the organization's networks; adds field
     * messages to {@code errors} and returns null when anything is wrong. Unknown, malformed and
     * other organizations' network ids get the same message, so nothing about them is revealed.
     */
    @Nullable
    public static AccessChoice parse(FormErrors errors, @Nullable String roleName, @Nullable List<String> networkIds,
                                     Collection<Network> organizationNetworks) {
        Role role = Role.parse(roleName);
        if (roleName == null || roleName.isBlank()) {
            errors.add(ROLE, "Choose a role.");
        } else if (role == null) {
            errors.add(ROLE, "Choose one of Owner, Admin, Member or Viewer.");
        }
        Set<UUID> known = organizationNetworks.stream().map(Network::id).collect(Collectors.toSet());
        Set<UUID> chosen = new LinkedHashSet<>();
        List<String> ids = networkIds == null ? List.of() : networkIds;
        if (ids.size() > MAX_NETWORKS) {
            errors.add(NETWORKS, "Choose at most " + MAX_NETWORKS + " networks.");
        }
        for (String raw : ids) {
            if (raw == null || raw.isBlank()) {
                continue; // an empty form field, not a choice
            }
            UUID id = uuid(raw.trim());
            if (id == null || !known.contains(id)) {
                errors.add(NETWORKS, "Unknown network: choose from this organization's networks.");
                break;
            }
            chosen.add(id);
        }
        if (errors.has(ROLE) || errors.has(NETWORKS)) {
            return null;
        }
        return new AccessChoice(role, role.seesAllNetworks() ? Set.of() : Set.copyOf(chosen));
    }

    /** Only Owners may hand out, change or take away the Owner role. */
    public static void requireAuthorityOver(CurrentMember actor, Role role) {
        if (role == Role.OWNER && !actor.isOwner()) {
            throw new ForbiddenException("Only Owners can make someone Owner or change an Owner.");
        }
    }

    /** The roles {@code actor} may assign, strongest first. */
    public static List<Role> assignableBy(CurrentMember actor) {
        return actor.isOwner() ? List.of(Role.values()) : List.of(Role.ADMIN, Role.MEMBER, Role.VIEWER);
    }

    @Nullable
    private static UUID uuid(String value) {
        if (value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
