package io.topograph.members;

import io.micronaut.transaction.annotation.Transactional;
import io.topograph.invites.AccessChoice;
import io.topograph.networks.NetworkService;
import io.topograph.organizations.MembershipRepository;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.tenancy.Role;
import io.topograph.platform.web.ConflictException;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.NotFoundException;
import io.topograph.platform.web.ValidationException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/** Member use cases: list, change role and network access, remove, leave. */
@Singleton
public class MemberService {

    private final MemberRepository members;
    private final MembershipRepository memberships;
    private final NetworkService networks;

    public MemberService(MemberRepository members, MembershipRepository memberships, NetworkService networks) {
        this.members = members;
        this.memberships = memberships;
        this.networks = networks;
    }

    @Transactional(readOnly = true)
    public List<MemberRow> list(CurrentMember member) {
        return members.findAll(member.organizationId());
    }

    @Transactional(readOnly = true)
    public MemberRow get(CurrentMember member, UUID id) {
        return members.findByOrganizationIdAndId(member.organizationId(), id).orElseThrow(() -> new NotFoundException("Member not found"));
    }

    /** True when {@code actor} may change or remove {@code target}: Owners and Admins, and only Owners touch Owners. */
    public static boolean mayManage(CurrentMember actor, MemberRow target) {
        return actor.canManageMembers() && (target.role() != Role.OWNER || actor.isOwner());
    }

    @Transactional
    public MemberRow update(CurrentMember member, UUID id, MemberForm form) {
        member.requireMemberManagement();
        MemberRow target = get(member, id);
        AccessChoice.requireAuthorityOver(member, target.role());
        FormErrors errors = FormErrors.none();
        AccessChoice choice = AccessChoice.parse(errors, form.role(), form.networkIds(), networks.visibleNetworks(member));
        errors.throwIfAny();
        AccessChoice.requireAuthorityOver(member, choice.role());
        if (target.role() == Role.OWNER && choice.role() != Role.OWNER && members.lockOwners(member.organizationId()) <= 1) {
            throw ValidationException.of(AccessChoice.ROLE, target.name() + " is the last Owner. Make someone else Owner first.");
        }
        memberships.updateRole(member.organizationId(), id, choice.role());
        memberships.clearNetworkAccess(member.organizationId(), id);
        choice.networkIds().forEach(networkId -> memberships.grantNetwork(member.organizationId(), id, networkId));
        return get(member, id);
    }

    @Transactional
    public MemberRow remove(CurrentMember member, UUID id) {
        member.requireMemberManagement();
        MemberRow target = get(member, id);
        AccessChoice.requireAuthorityOver(member, target.role());
        end(member, target);
        return target;
    }

    /** Anyone may leave, except the last Owner. */
    @Transactional
    public void leave(CurrentMember member) {
        end(member, get(member, member.membershipId()));
    }

    private void end(CurrentMember member, MemberRow target) {
        if (target.role() == Role.OWNER && members.lockOwners(member.organizationId()) <= 1) {
            throw new ConflictException((target.userId().equals(member.userId()) ? "You are" : target.name() + " is")
                    + " the last Owner of " + member.organizationName()
                    + ". Make someone else Owner first, or delete the organization in its settings.");
        }
        memberships.delete(member.organizationId(), target.id());
        members.revokeApiKeys(member.organizationId(), target.userId());
    }
}
