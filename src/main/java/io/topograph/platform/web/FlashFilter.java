package io.topograph.platform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;

/** Clears the flash cookie once a page has shown its message. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class FlashFilter {

    @ResponseFilter
    public void clearShownFlash(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getAttribute(Flash.CONSUMED_ATTRIBUTE).isPresent() && response.code() < 300) {
            response.cookie(Cookie.of(Flash.COOKIE, "").path("/").maxAge(0));
        }
    }
}
