package io.topograph.platform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Security headers on every response. Pages load scripts and styles only from this origin
 * (webjars and /static); framing is refused until share embeds set their own ancestors.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter {

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        var headers = response.getHeaders();
        if (!headers.contains("Content-Security-Policy")) {
            headers.add("Content-Security-Policy", CSP);
        }
        headers.add("X-Content-Type-Options", "nosniff");
        headers.add("Referrer-Policy", "same-origin");
        if (!headers.contains("X-Frame-Options") && !headers.contains("Content-Security-Policy-Report-Only")) {
            headers.add("X-Frame-Options", "DENY");
        }
    }
}
