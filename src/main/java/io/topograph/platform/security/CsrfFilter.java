package io.topograph.platform.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.topograph.platform.web.ApiError;

import io.micronaut.http.server.filter.FilterBodyParser;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSRF protection for everything a browser can send with cookies: a per-browser random token
 * in a {@code SameSite=Strict} cookie that each state-changing request must echo, either as the
 * {@code _csrf} form field or the {@code X-CSRF-TOKEN} header (double submit), plus a same-origin
 * check of {@code Origin}. Requests authenticated by a bearer token carry no ambient credentials
 * and the Stripe webhook is signed, so both are exempt.
 *
 * <p>Micronaut's own CSRF module is not used: with micronaut-session 4.7.0 it rejects every form.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CsrfFilter implements Ordered {

    public static final String COOKIE = "TG_CSRF";
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-TOKEN";
    /** Request attribute holding the token for templates (new browsers get one on their first page). */
    public static final String ATTRIBUTE = "topograph.csrf";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final Set<String> EXEMPT_PREFIXES = Set.of("/api/daemon/", "/billing/stripe/webhook");

    private final boolean secureCookies;
    private final FilterBodyParser bodyParser;

    public CsrfFilter(@Value("${topograph.secure-cookies:false}") boolean secureCookies, FilterBodyParser bodyParser) {
        this.secureCookies = secureCookies;
        this.bodyParser = bodyParser;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public MutableHttpResponse<?> check(HttpRequest<?> request) {
        String cookieToken = request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse(null);
        boolean freshCookie = cookieToken == null || cookieToken.length() < 32;
        request.setAttribute(ATTRIBUTE, freshCookie ? SecureTokens.random() : cookieToken);
        if (SAFE.contains(request.getMethod()) || isExempt(request)) {
            return null;
        }
        if (!sameOrigin(request)) {
            return refuse(request, "Cross-origin request refused.");
        }
        String sent = request.getHeaders().get(HEADER);
        if (sent == null) {
            sent = formToken(request);
        }
        if (freshCookie || !SecureTokens.constantTimeEquals(cookieToken, sent)) {
            return refuse(request, "The form has expired or is missing its security token. Reload the page and try again.");
        }
        return null;
    }

    /** Gives a browser its token cookie the first time it is seen. */
    @ResponseFilter
    public void issue(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean hasCookie = request.getCookies().findCookie(COOKIE).map(c -> c.getValue().length() >= 32).orElse(false);
        if (!hasCookie && !AuthenticationResolutionFilter.isStatic(request.getPath())) {
            request.getAttribute(ATTRIBUTE, String.class).ifPresent(token -> response.cookie(
                    Cookie.of(COOKIE, token).httpOnly(true).secure(secureCookies).sameSite(SameSite.Strict).path("/")));
        }
    }

    private static boolean isExempt(HttpRequest<?> request) {
        String path = request.getPath();
        if (EXEMPT_PREFIXES.stream().anyMatch(path::startsWith)) {
            return true;
        }
        String auth = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        // A bearer request without a cookie session cannot be forged by another site.
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                && request.getCookies().findCookie(SessionService.COOKIE).isEmpty();
    }

    private static boolean sameOrigin(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null || origin.isBlank()) {
            return true; // non-browser clients and same-origin GET-initiated navigations may omit it
        }
        if ("null".equals(origin)) {
            return false;
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        try {
            URI uri = URI.create(origin);
            String originHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && (host.equalsIgnoreCase(originHost)
                    || host.equalsIgnoreCase(uri.getHost() + ":" + defaultPort(uri.getScheme())));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    @Nullable
    private String formToken(HttpRequest<?> request) {
        MediaType type = request.getContentType().orElse(null);
        if (type == null || !type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            return null;
        }
        // Runs on a blocking thread; the parsed body stays available to the controller.
        Map<String, Object> form;
        try {
            form = bodyParser.parseBody(request).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            return null;
        }
        Object value = form == null ? null : form.get(FIELD);
        if (value instanceof List<?> list) {
            value = list.isEmpty() ? null : list.get(0);
        }
        return value == null ? null : value.toString();
    }

    private static MutableHttpResponse<?> refuse(HttpRequest<?> request, String message) {
        boolean json = request.getPath().startsWith("/api/")
                || request.getHeaders().accept().stream().noneMatch(m -> m.matches(MediaType.TEXT_HTML_TYPE));
        if (json) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(ApiError.of(message));
        }
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML_TYPE)
                .body("<!doctype html><title>Forbidden</title><h1>403 Forbidden</h1><p>" + message + "</p>");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before() - 10;
    }
}
