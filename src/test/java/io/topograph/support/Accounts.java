package io.topograph.support;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Creates real accounts through the sign-up page, each with a unique email and organization. */
public final class Accounts {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Accounts() {
    }

    /** A signed-up user with their session, organization slug and email. */
    public record Account(WebSession web, String email, String name, String slug) {
        public String org(String path) {
            return "/o/" + slug + path;
        }
    }

    public static String uniqueEmail(String who) {
        return who + "-" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    public static Account signUp(URI base, String who) {
        return signUp(base, who, who + " Org " + UUID.randomUUID().toString().substring(0, 6));
    }

    public static Account signUp(URI base, String who, String organization) {
        WebSession web = new WebSession(base);
        String email = uniqueEmail(who);
        HttpResponse<String> response = web.post("/signup", WebSession.form(
                "name", who, "email", email, "password", PASSWORD, "organization", organization));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        String slug = location.substring(location.indexOf("/o/") + 3);
        return new Account(web, email, who, slug);
    }

    /** Logs an existing account in from a fresh browser session. */
    public static WebSession logIn(URI base, String email, String password) {
        WebSession web = new WebSession(base);
        HttpResponse<String> response = web.post("/login", WebSession.form("email", email, "password", password));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return web;
    }
}
