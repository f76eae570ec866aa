package io.topograph.members;

import io.topograph.invites.AccessChoice;
import io.topograph.networks.Network;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.FormErrors;

import java.util.Collection;
import java.util.List;

/**
 * What {@code members/_access :: fields} draws: a role select and network checkboxes, used by
 * the invite form and the member edit row.
 *
 * @param idPrefix makes DOM ids unique when several forms are on one page
 */
public record AccessFields(String idPrefix, List<RoleOption> roles, List<NetworkOption> networks, FormErrors errors) {

    public record RoleOption(String value, String label, boolean selected) {
    }

    public record NetworkOption(String id, String name, boolean checked) {
    }

    /** Options for {@code actor}, with {@code role} and {@code networkIds} (raw form values) pre-selected. */
    public static AccessFields of(String idPrefix, CurrentMember actor, String role, Collection<String> networkIds,
                                  List<Network> networks, FormErrors errors) {
        List<RoleOption> roles = AccessChoice.assignableBy(actor).stream()
                .map(r -> new RoleOption(r.name(), r.label(), r.name().equalsIgnoreCase(role == null ? "" : role.trim())))
                .toList();
        List<NetworkOption> options = networks.stream()
                .map(n -> new NetworkOption(n.id().toString(), n.name(), networkIds.contains(n.id().toString())))
                .toList();
        return new AccessFields(idPrefix, roles, options, errors);
    }
}
