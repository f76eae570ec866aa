package io.topograph.platform.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.topograph.platform.web.ApiError;

import java.util.List;
import java.util.Optional;

/**
 * Resolves the caller (session cookie or API key) on a blocking thread before Micronaut
 * Security runs, and leaves a {@link RequestPrincipal} in the request for
 * {@link PrincipalAuthenticationFetcher} and the tenancy filter.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AuthenticationResolutionFilter implements Ordered {

    private static final String BEARER = "Bearer ";

    private final SessionService sessions;
    private final List<BearerTokenResolver> bearerResolvers;

    public AuthenticationResolutionFilter(SessionService sessions, List<BearerTokenResolver> bearerResolvers) {
        this.sessions = sessions;
        this.bearerResolvers = bearerResolvers;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public MutableHttpResponse<?> resolve(HttpRequest<?> request) {
        if (isStatic(request.getPath())) {
            return null;
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            // Daemon credentials are checked by the daemon API itself.
            if (request.getPath().startsWith("/api/daemon/")) {
                return null;
            }
            String token = authorization.substring(BEARER.length()).trim();
            Optional<RequestPrincipal> principal = bearerResolvers.stream()
                    .map(r -> r.resolve(token)).flatMap(Optional::stream).findFirst();
            if (principal.isEmpty()) {
                return HttpResponse.unauthorized().body(ApiError.of("The API key is invalid, revoked or expired."));
            }
            request.setAttribute(RequestPrincipal.ATTRIBUTE, principal.get());
            return null;
        }
        Optional<Cookie> cookie = request.getCookies().findCookie(SessionService.COOKIE);
        cookie.flatMap(c -> sessions.resolve(c.getValue()))
                .ifPresent(p -> request.setAttribute(RequestPrincipal.ATTRIBUTE, p));
        return null;
    }

    static boolean isStatic(String path) {
        return path.startsWith("/webjars/") || path.startsWith("/static/") || path.equals("/favicon.ico");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
