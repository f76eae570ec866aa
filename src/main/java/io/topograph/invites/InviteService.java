package io.topograph.invites;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.networks.Network;
import io.topograph.networks.NetworkRepository;
import io.topograph.networks.NetworkService;
import io.topograph.organizations.Membership;
import io.topograph.organizations.MembershipRepository;
import io.topograph.organizations.Organization;
import io.topograph.organizations.OrganizationRepository;
import io.topograph.platform.mail.Mailer;
import io.topograph.platform.security.SecureTokens;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.tenancy.Role;
import io.topograph.platform.web.Check;
import io.topograph.platform.web.ForbiddenException;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.NotFoundException;
import io.topograph.platform.web.ValidationException;
import io.topograph.users.AccountService;
import io.topograph.users.User;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Inviting people into an organization and accepting invites. */
@Singleton
public class InviteService {

    public static final Duration VALIDITY = Duration.ofDays(7);

    private final InviteRepository invites;
    private final InviteTokens tokens;
    private final NetworkService networks;
    private final NetworkRepository networkRepository;
    private final MembershipRepository memberships;
    private final OrganizationRepository organizations;
    private final AccountService accounts;
    private final Mailer mailer;
    private final String baseUrl;

    public InviteService(InviteRepository invites, InviteTokens tokens, NetworkService networks, NetworkRepository networkRepository,
                         MembershipRepository memberships, OrganizationRepository organizations, AccountService accounts, Mailer mailer,
                         @Value("${topograph.base-url}") String baseUrl) {
        this.invites = invites;
        this.tokens = tokens;
        this.networks = networks;
        this.networkRepository = networkRepository;
        this.memberships = memberships;
        this.organizations = organizations;
        this.accounts = accounts;
        this.mailer = mailer;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** An invite just created or resent, with the link that was emailed (shown once, never stored). */
    public record Issued(Invite invite, String url) {
    }

    /** What the link page shows about a token. */
    public record Link(Invite invite, Organization organization, List<String> networkNames, boolean accountExists) {
    }

    /** The outcome of an acceptance. */
    public record Joined(UUID userId, UUID organizationId, String organizationSlug, String organizationName, Role role,
                         boolean alreadyMember) {
    }

    @Transactional(readOnly = true)
    public List<Invite> listPending(CurrentMember member) {
        return invites.findPending(member.organizationId());
    }

    @Transactional(readOnly = true)
    public Invite getPending(CurrentMember member, UUID id) {
        return invites.findPending(member.organizationId(), id).orElseThrow(() -> new NotFoundException("Invite not found"));
    }

    /** Validates everything, stores the invite with its networks, and emails the link. */
    @Transactional
    public Issued create(CurrentMember member, InviteForm form) {
        member.requireMemberManagement();
        InviteForm f = form.normalized();
        FormErrors errors = FormErrors.none();
        Check.email(errors, "email", f.email());
        AccessChoice choice = AccessChoice.parse(errors, f.role(), f.networkIds(), networks.visibleNetworks(member));
        if (choice != null) {
            AccessChoice.requireAuthorityOver(member, choice.role());
        }
        if (!errors.has("email")) {
            if (invites.isMember(member.organizationId(), f.email())) {
                errors.add("email", f.email() + " is already a member of " + member.organizationName() + ".");
            } else if (invites.pendingExists(member.organizationId(), f.email())) {
                errors.add("email", "An invite to this address is already pending: resend or revoke it below.");
            }
        }
        errors.throwIfAny();
        invites.revokeExpired(member.organizationId(), f.email());
        String token = SecureTokens.random();
        UUID id = UUID.randomUUID();
        if (!invites.insert(member.organizationId(), id, f.email(), choice.role(), SecureTokens.sha256(token), member.userId(),
                Instant.now().plus(VALIDITY))) {
            // Another request invited the same address a moment ago.
            throw ValidationException.of("email", "An invite to this address is already pending: resend or revoke it below.");
        }
        choice.networkIds().forEach(networkId -> invites.grantNetwork(member.organizationId(), id, networkId));
        return send(member, getPending(member, id), token);
    }

    /** Revokes a pending invite: its link stops working. */
    @Transactional
    public Invite revoke(CurrentMember member, UUID id) {
        member.requireMemberManagement();
        Invite invite = getPending(member, id);
        AccessChoice.requireAuthorityOver(member, invite.role());
        invites.revoke(member.organizationId(), id);
        return invite;
    }

    /** Sends a fresh link valid for another seven days; the previous link stops working. */
    @Transactional
    public Issued resend(CurrentMember member, UUID id) {
        member.requireMemberManagement();
        Invite invite = getPending(member, id);
        AccessChoice.requireAuthorityOver(member, invite.role());
        String token = SecureTokens.random();
        invites.reissue(member.organizationId(), id, SecureTokens.sha256(token), Instant.now().plus(VALIDITY));
        return send(member, getPending(member, id), token);
    }

    /** What a link points at, whatever its state; empty for a token that never existed. */
    @Transactional(readOnly = true)
    public Optional<Link> inspect(String token) {
        return tokens.find(token).map(invite -> {
            Organization org = organization(invite);
            List<String> names = invite.networkIds().isEmpty() ? List.of()
                    : networkRepository.findAllByOrganizationIdAndIdIn(invite.organizationId(), invite.networkIds())
                    .stream().map(Network::name).toList();
            return new Link(invite, org, names, accounts.findByEmail(invite.email()).isPresent());
        });
    }

    /** True when the user already belongs to the invite's organization. */
    @Transactional(readOnly = true)
    public boolean isMember(Invite invite, UUID userId) {
        return memberships.findByOrganizationIdAndUserId(invite.organizationId(), userId).isPresent();
    }

    /**
     * The signed-in user accepts. Their address must be the invited one. Repeating it is
     * harmless: an invite this user already accepted, or a membership they already have,
     * just leads into the organization.
     */
    @Transactional
    public Joined accept(String token, UUID userId, String userEmail) {
        Invite invite = tokens.findForUpdate(token).orElseThrow(() -> new NotFoundException(AcceptInviteController.UNKNOWN));
        Organization org = organization(invite);
        Optional<Membership> existing = memberships.findByOrganizationIdAndUserId(invite.organizationId(), userId);
        if (invite.state() == Invite.State.ACCEPTED && userId.equals(invite.acceptedBy()) && existing.isPresent()) {
            return joined(userId, org, existing.get().role(), true);
        }
        requireUsable(invite, org);
        if (!invite.email().equalsIgnoreCase(userEmail)) {
            throw new ForbiddenException("This invite is for " + invite.email() + ", but you are logged in as " + userEmail
                    + ". Log out and open the link again to accept it with the invited address.");
        }
        invites.markAccepted(invite.organizationId(), invite.id(), userId);
        if (existing.isPresent()) {
            return joined(userId, org, existing.get().role(), true);
        }
        join(invite, userId);
        return joined(userId, org, invite.role(), false);
    }

    /** Creates the invited person's account and joins the organization, all or nothing. */
    @Transactional
    public Joined signUpAndAccept(String token, String name, String password) {
        Invite invite = tokens.findForUpdate(token).orElseThrow(() -> new NotFoundException(AcceptInviteController.UNKNOWN));
        Organization org = organization(invite);
        requireUsable(invite, org);
        User user = accounts.register(name, invite.email(), password);
        invites.markAccepted(invite.organizationId(), invite.id(), user.id());
        join(invite, user.id());
        return joined(user.id(), org, invite.role(), false);
    }

    private void join(Invite invite, UUID userId) {
        Membership membership = memberships.save(new Membership(UUID.randomUUID(), invite.organizationId(), userId, invite.role(), Instant.now()));
        if (!invite.role().seesAllNetworks()) {
            invite.networkIds().forEach(networkId -> memberships.grantNetwork(invite.organizationId(), membership.id(), networkId));
        }
    }

    /** 410 Gone, with the reason, for a link that can no longer be used. */
    static void requireUsable(Invite invite, Organization org) {
        String reason = switch (invite.state()) {
            case PENDING -> null;
            case EXPIRED -> "This invite to " + org.name() + " has expired. Ask the person who invited you to resend it.";
            case ACCEPTED -> "This invite to " + org.name() + " has already been used. Log in to continue.";
            case REVOKED -> "This invite to " + org.name() + " was withdrawn (or replaced by a newer one). Ask for a new invite.";
        };
        if (reason != null) {
            throw new HttpStatusException(HttpStatus.GONE, reason);
        }
    }

    private Organization organization(Invite invite) {
        return organizations.findById(invite.organizationId()).orElseThrow(() -> new NotFoundException(AcceptInviteController.UNKNOWN));
    }

    private static Joined joined(UUID userId, Organization org, Role role, boolean alreadyMember) {
        return new Joined(userId, org.id(), org.slug(), org.name(), role, alreadyMember);
    }

    private Issued send(CurrentMember member, Invite invite, String token) {
        String url = baseUrl + "/invites/" + token;
        String inviter = accounts.get(member.userId()).name();
        // Names are user input: keep the subject on one line.
        String subject = (inviter + " invited you to " + member.organizationName() + " on Topograph").replaceAll("\\s+", " ");
        mailer.send(invite.email(), subject,
                "Hello,\n\n" + inviter + " invited you to join " + member.organizationName() + " on Topograph as "
                        + invite.role().label() + ".\n\nAccept the invitation within " + VALIDITY.toDays() + " days:\n\n" + url
                        + "\n\nIf you did not expect this invitation, you can ignore this message.\n");
        return new Issued(invite, url);
    }
}
