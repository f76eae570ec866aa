package io.topograph.members;

import io.micronaut.core.annotation.Nullable;
import io.topograph.invites.InviteForm;
import io.topograph.platform.web.FormErrors;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** View names and typed view models of the Members page. */
final class MemberViews {

    static final String INDEX = "members/index";
    static final String LIST = "members/_list :: list";
    static final String ROW = "members/_row :: row";
    static final String EDIT_ROW = "members/_row :: edit";
    static final String EDIT = "members/edit";
    static final String REMOVE = "members/remove";
    static final String LEAVE = "members/leave";
    static final String INVITES = "members/_invites :: panel";

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private MemberViews() {
    }

    /** DOM id of a member's row, shared by the templates and htmx targets. */
    static String rowId(UUID membershipId) {
        return "member-" + membershipId;
    }

    /**
     * @param networks   names of the granted networks the viewer may see (Members and Viewers only)
     * @param you        the row of the person looking at the page
     * @param manageable the viewer may edit or remove this member
     */
    record MemberLine(UUID id, String domId, String name, String email, String role, boolean allNetworks, List<String> networks,
                      String joined, boolean you, boolean manageable) {
    }

    record InviteLine(UUID id, String email, String role, boolean allNetworks, List<String> networks, String invitedBy,
                      String expires, boolean expired, boolean manageable) {
    }

    /**
     * The pending-invites region with the invite form.
     *
     * @param issuedLink the link just emailed, shown once to the inviter (htmx answers only)
     */
    record InvitePanel(List<InviteLine> invites, boolean canManage, InviteForm form, AccessFields access, FormErrors errors,
                       @Nullable String issuedLink, @Nullable String issuedTo) {
    }

    record IndexPage(String slug, String organizationName, List<MemberLine> members, boolean canManage, InvitePanel invitePanel) {
    }

    record ListView(String slug, List<MemberLine> members, boolean canManage) {
    }

    record RowView(String slug, MemberLine row, AccessFields access) {
    }

    record PanelView(String slug, InvitePanel invitePanel) {
    }

    record LeavePage(String slug, String organizationName, boolean lastOwner) {
    }
}
