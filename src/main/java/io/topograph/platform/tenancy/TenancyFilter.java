package io.topograph.platform.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.topograph.platform.security.RequestPrincipal;
import io.topograph.platform.security.SessionService;
import io.topograph.platform.web.ErrorResponses;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one place that decides which organization a request acts in and with which rights.
 * <ul>
 *   <li>{@code /o/{slug}/…}: the session user's membership in that organization, else 404.</li>
 *   <li>{@code /api/v1/…}: an API key's organization, narrowed to the key's role and networks;
 *       a session's current organization (or the {@code X-Topograph-Organization} header).</li>
 * </ul>
 * The result is a {@link CurrentMember} that controllers receive as an argument.
 */
@ServerFilter(patterns = {"/o/**", "/api/v1/**"})
public class TenancyFilter implements Ordered {

    public static final String ATTRIBUTE = "topograph.member";
    public static final String ORGANIZATION_HEADER = "X-Topograph-Organization";

    private final MemberDirectory directory;
    private final SessionService sessions;
    private final ErrorResponses errors;

    public TenancyFilter(MemberDirectory directory, SessionService sessions, ErrorResponses errors) {
        this.directory = directory;
        this.sessions = sessions;
        this.errors = errors;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public MutableHttpResponse<?> resolve(HttpRequest<?> request) {
        Optional<RequestPrincipal> principal = request.getAttribute(RequestPrincipal.ATTRIBUTE, RequestPrincipal.class);
        if (principal.isEmpty()) {
            return null; // Micronaut Security answers 401 or redirects to /login
        }
        RequestPrincipal p = principal.get();
        String path = request.getPath();
        Optional<CurrentMember> member;
        if (path.startsWith("/o/")) {
            if (p.apiKey() != null) {
                return errors.notFound(request, "Page not found");
            }
            String slug = path.substring(3).split("/", 2)[0];
            member = directory.findBySlug(p.userId(), slug);
            if (member.isEmpty()) {
                return errors.notFound(request, "Page not found");
            }
            if (p.sessionId() != null && !member.get().organizationId().equals(p.sessionOrganizationId())) {
                sessions.rememberOrganization(p.sessionId(), member.get().organizationId());
            }
        } else if (p.apiKey() != null) {
            member = directory.findByOrganizationId(p.userId(), p.apiKey().organizationId()).map(m -> narrow(m, p.apiKey()));
        } else {
            String slug = request.getHeaders().get(ORGANIZATION_HEADER);
            if (slug != null && !slug.isBlank()) {
                member = directory.findBySlug(p.userId(), slug.trim());
                if (member.isEmpty()) {
                    return errors.notFound(request, "Organization not found");
                }
            } else {
                member = Optional.ofNullable(p.sessionOrganizationId())
                        .flatMap(orgId -> directory.findByOrganizationId(p.userId(), orgId))
                        .or(() -> directory.findDefault(p.userId()));
            }
        }
        member.ifPresent(m -> request.setAttribute(ATTRIBUTE, m));
        return null;
    }

    /**
     * An API key acts with the weaker of its own role and its user's, on the networks both may
     * see: the intersection of the user's access and the key's scope (an unscoped key = no narrowing).
     */
    static CurrentMember narrow(CurrentMember m, RequestPrincipal.ApiKeyGrant key) {
        boolean keyAll = key.allNetworks();
        boolean all = m.allNetworks() && keyAll;
        Set<UUID> networks;
        if (all) {
            networks = Set.of();
        } else if (m.allNetworks()) {
            networks = key.networkIds();
        } else if (keyAll) {
            networks = m.networkIds();
        } else {
            Set<UUID> both = new HashSet<>(m.networkIds());
            both.retainAll(key.networkIds());
            networks = both;
        }
        return new CurrentMember(m.organizationId(), m.organizationSlug(), m.organizationName(), m.userId(),
                m.membershipId(), Role.weaker(m.role(), key.role()), all, Set.copyOf(networks), key.keyId());
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
