package io.topograph.daemons.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.topograph.platform.persistence.Sql;
import io.topograph.platform.security.SecureTokens;
import io.topograph.platform.web.ApiError;

import java.util.Optional;
import java.util.UUID;

/**
 * Resolves {@code Authorization: Bearer tgd_…} on every daemon API call except enrollment:
 * unknown or rotated credential → 401, disabled daemon → 403 (so a disabled daemon keeps
 * heartbeating slowly and picks up again when re-enabled). The one place daemon identity is
 * decided; controllers receive an {@link AuthenticatedDaemon}.
 */
@ServerFilter("/api/daemon/v1/**")
public class DaemonAuthenticationFilter implements Ordered {

    public static final String CREDENTIAL_PREFIX = "tgd_";
    static final String ENROLL_PATH = "/api/daemon/v1/enroll";
    private static final String BEARER = "Bearer ";
    private static final int MAX_TOKEN_LENGTH = 100;

    private record Found(AuthenticatedDaemon daemon, boolean disabled) {
    }

    private final Sql sql;

    public DaemonAuthenticationFilter(Sql sql) {
        this.sql = sql;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public MutableHttpResponse<?> authenticate(HttpRequest<?> request) {
        if (request.getPath().equals(ENROLL_PATH)) {
            return null;
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return HttpResponse.unauthorized().body(ApiError.of("A daemon credential is required (Authorization: Bearer tgd_…)."));
        }
        Optional<Found> found = find(authorization.substring(BEARER.length()).trim());
        if (found.isEmpty()) {
            return HttpResponse.unauthorized().body(ApiError.of("The daemon credential is unknown or was rotated; enroll the daemon again."));
        }
        if (found.get().disabled()) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(ApiError.of("daemon disabled"));
        }
        request.setAttribute(AuthenticatedDaemon.ATTRIBUTE, found.get().daemon());
        return null;
    }

    private Optional<Found> find(String token) {
        if (!token.startsWith(CREDENTIAL_PREFIX) || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return sql.one("select id, organization_id, network_id, name, disabled from daemons where credential_hash = ?",
                rs -> new Found(new AuthenticatedDaemon(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4)), rs.getBoolean(5)),
                (Object) SecureTokens.sha256(token));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
