package io.topograph.organizations;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.networks.NetworkService;
import io.topograph.platform.security.RequestPrincipal;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.tenancy.Role;
import io.topograph.platform.web.Check;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.NotFoundException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Singleton
public class OrganizationService {

    public static final int NAME_MAX = 80;

    private final OrganizationRepository organizations;
    private final MembershipRepository memberships;
    private final NetworkService networks;
    private final ApplicationEventPublisher<OrganizationCreated> created;

    public OrganizationService(OrganizationRepository organizations, MembershipRepository memberships, NetworkService networks,
                               ApplicationEventPublisher<OrganizationCreated> created) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.networks = networks;
        this.created = created;
    }

    /** Checks an organization name for a form; the slug is derived from it. */
    public static void checkName(FormErrors errors, String field, String name) {
        Check.required(errors, field, name == null ? null : name.trim(), NAME_MAX);
    }

    /**
     * Creates an organization with {@code ownerId} as its Owner and a first network, so the
     * first discovery has a place to land. Runs inside the caller's transaction.
     */
    @Transactional
    public Organization createWithOwner(String name, UUID ownerId) {
        Instant now = Instant.now();
        Organization org = organizations.save(new Organization(UUID.randomUUID(), name.trim(), freeSlug(Slugs.fromName(name)), null, now, now));
        memberships.save(new Membership(UUID.randomUUID(), org.id(), ownerId, Role.OWNER, now));
        UUID firstNetwork = networks.createFirst(org.id()).id();
        created.publishEvent(new OrganizationCreated(org.id(), firstNetwork, ownerId));
        return org;
    }

    /**
     * The organizations the caller belongs to. An API key belongs to one organization, so a key
     * sees only that one, with the key's effective role.
     */
    @Transactional(readOnly = true)
    public List<OrganizationInfo> listFor(RequestPrincipal principal) {
        List<OrganizationInfo> all = organizations.findAllOfUser(principal.userId());
        RequestPrincipal.ApiKeyGrant key = principal.apiKey();
        if (key == null) {
            return all;
        }
        return all.stream().filter(o -> o.id().equals(key.organizationId()))
                .map(o -> new OrganizationInfo(o.id(), o.name(), o.slug(), Role.weaker(o.role(), key.role())))
                .toList();
    }

    @Transactional(readOnly = true)
    public Organization get(CurrentMember member) {
        return organizations.findById(member.organizationId()).orElseThrow(() -> new NotFoundException("Organization not found"));
    }

    @Transactional
    public Organization update(CurrentMember member, OrganizationForm form) {
        member.requireOwnerOrAdmin();
        OrganizationForm f = form.normalized();
        FormErrors errors = FormErrors.none();
        checkName(errors, "name", f.name());
        String slugProblem = Slugs.problem(f.slug());
        if (slugProblem != null) {
            errors.add("slug", slugProblem);
        }
        Organization existing = get(member);
        if (!errors.has("slug") && !existing.slug().equals(f.slug()) && organizations.existsBySlug(f.slug())) {
            errors.add("slug", "This address is taken; choose another.");
        }
        errors.throwIfAny();
        return organizations.update(new Organization(existing.id(), f.name(), f.slug(), existing.managedBy(), existing.createdAt(), Instant.now()));
    }

    /** Deletes the organization and, by cascade, everything it owns. The caller types the slug to confirm. */
    @Transactional
    public Organization delete(CurrentMember member, String confirmation) {
        member.requireOwner();
        Organization existing = get(member);
        if (confirmation == null || !existing.slug().equals(confirmation.trim())) {
            throw io.topograph.platform.web.ValidationException.of("confirmation", "Type " + existing.slug() + " to confirm.");
        }
        organizations.deleteById(existing.id());
        return existing;
    }

    private String freeSlug(String base) {
        String slug = base;
        for (int i = 2; organizations.existsBySlug(slug); i++) {
            String suffix = "-" + i;
            slug = (base.length() + suffix.length() > Slugs.MAX ? base.substring(0, Slugs.MAX - suffix.length()) : base) + suffix;
        }
        return slug;
    }
}
