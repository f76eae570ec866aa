package io.topograph.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.topograph.platform.security.SecureTokens;
import io.topograph.platform.security.ServerSecret;
import jakarta.inject.Singleton;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One-shot messages shown on the next page. Carried in a signed cookie (no server memory, so
 * any node renders it) for redirects, or as an htmx event for fragment responses.
 */
@Singleton
public class Flash {

    public static final String COOKIE = "TG_FLASH";
    public static final String CONSUMED_ATTRIBUTE = "topograph.flash.consumed";

    public enum Level { success, info, warning, danger }

    public record Message(Level level, String text) {
    }

    private final ServerSecret secret;

    public Flash(ServerSecret secret) {
        this.secret = secret;
    }

    /** 303 See Other to {@code location} with a message for the page it lands on. */
    public MutableHttpResponse<?> redirect(String location, Level level, String text) {
        return HttpResponse.seeOther(URI.create(location)).cookie(cookie(level, text));
    }

    public MutableHttpResponse<?> redirect(String location) {
        return HttpResponse.seeOther(URI.create(location));
    }

    /**
     * The usual answer to a successful action: for htmx, {@code fragment} with a toast and the
     * given events; for a plain form post, 303 to {@code redirectTo} with a flash message.
     */
    public MutableHttpResponse<?> done(HttpRequest<?> request, MutableHttpResponse<?> fragment,
                                       String redirectTo, String text, String... events) {
        if (Htmx.isFragmentRequest(request)) {
            return Htmx.toast(fragment, Level.success, text, events);
        }
        return redirect(redirectTo, Level.success, text);
    }

    public Cookie cookie(Level level, String text) {
        String payload = level.name() + "|" + text;
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return Cookie.of(COOKIE, encoded + "." + secret.sign(encoded)).path("/").httpOnly(true).sameSite(SameSite.Lax).maxAge(60);
    }

    /** Reads (and marks for clearing) the message carried by the request, if its signature holds. */
    @Nullable
    public Message read(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).map(value -> {
            int dot = value.lastIndexOf('.');
            if (dot < 0 || !SecureTokens.constantTimeEquals(secret.sign(value.substring(0, dot)), value.substring(dot + 1))) {
                return null;
            }
            request.setAttribute(CONSUMED_ATTRIBUTE, Boolean.TRUE);
            String payload = new String(Base64.getUrlDecoder().decode(value.substring(0, dot)), StandardCharsets.UTF_8);
            int bar = payload.indexOf('|');
            try {
                return new Message(Level.valueOf(payload.substring(0, bar)), payload.substring(bar + 1));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).orElse(null);
    }
}
