package io.topograph.members;

import io.micronaut.core.annotation.Nullable;
import io.topograph.invites.InviteForm;
import io.topograph.invites.InviteService;
import io.topograph.networks.Network;
import io.topograph.networks.NetworkService;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.tenancy.Role;
import io.topograph.platform.web.FormErrors;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Builds the Members page's view models, so both page controllers draw regions the same way. */
@Singleton
class MemberPages {

    private final MemberService members;
    private final InviteService invites;
    private final NetworkService networks;

    MemberPages(MemberService members, InviteService invites, NetworkService networks) {
        this.members = members;
        this.invites = invites;
        this.networks = networks;
    }

    MemberViews.IndexPage index(CurrentMember member, InviteForm form, FormErrors errors) {
        return new MemberViews.IndexPage(member.organizationSlug(), member.organizationName(), lines(member),
                member.canManageMembers(), panel(member, form, errors, null));
    }

    MemberViews.ListView list(CurrentMember member) {
        return new MemberViews.ListView(member.organizationSlug(), lines(member), member.canManageMembers());
    }

    MemberViews.RowView row(CurrentMember member, MemberRow row, @Nullable MemberForm form, FormErrors errors) {
        List<Network> visible = networks.visibleNetworks(member);
        String role = form != null ? form.role() : row.role().name();
        List<String> checked = form != null ? (form.networkIds() == null ? List.of() : form.networkIds())
                : row.networkIds().stream().map(UUID::toString).toList();
        return new MemberViews.RowView(member.organizationSlug(), line(member, row, names(visible)),
                AccessFields.of(MemberViews.rowId(row.id()) + "-", member, role, checked, visible, errors));
    }

    MemberViews.PanelView panelView(CurrentMember member, InviteForm form, FormErrors errors, @Nullable InviteService.Issued issued) {
        return new MemberViews.PanelView(member.organizationSlug(), panel(member, form, errors, issued));
    }

    private MemberViews.InvitePanel panel(CurrentMember member, InviteForm form, FormErrors errors, @Nullable InviteService.Issued issued) {
        List<Network> visible = networks.visibleNetworks(member);
        Map<UUID, String> names = names(visible);
        List<MemberViews.InviteLine> lines = invites.listPending(member).stream().map(i -> new MemberViews.InviteLine(i.id(), i.email(),
                i.role().label(), i.role().seesAllNetworks(), networkNames(i.networkIds(), names),
                i.invitedByName() == null ? "—" : i.invitedByName(), MemberViews.DATE.format(i.expiresAt()), i.isExpired(),
                member.canManageMembers() && (i.role() != Role.OWNER || member.isOwner()))).toList();
        AccessFields access = AccessFields.of("invite-", member, form.role(), form.networkIds() == null ? List.of() : form.networkIds(),
                visible, errors);
        return new MemberViews.InvitePanel(lines, member.canManageMembers(), form, access, errors,
                issued == null ? null : issued.url(), issued == null ? null : issued.invite().email());
    }

    private List<MemberViews.MemberLine> lines(CurrentMember member) {
        Map<UUID, String> names = names(networks.visibleNetworks(member));
        return members.list(member).stream().map(row -> line(member, row, names)).toList();
    }

    private static MemberViews.MemberLine line(CurrentMember member, MemberRow row, Map<UUID, String> names) {
        return new MemberViews.MemberLine(row.id(), MemberViews.rowId(row.id()), row.name(), row.email(), row.role().label(),
                row.role().seesAllNetworks(), networkNames(row.networkIds(), names), MemberViews.DATE.format(row.joinedAt()),
                row.userId().equals(member.userId()), MemberService.mayManage(member, row));
    }

    /** Names of the networks the viewer may see (the map holds only those), by name. */
    private static List<String> networkNames(List<UUID> ids, Map<UUID, String> visibleNames) {
        return ids.stream().map(visibleNames::get).filter(n -> n != null).sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    private static Map<UUID, String> names(List<Network> visible) {
        return visible.stream().collect(Collectors.toMap(Network::id, Network::name));
    }
}
