package io.topograph.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A browser-like HTTP client for tests: keeps cookies, sends the CSRF token like our pages do
 * (form field for forms, header for htmx and JSON), and never follows redirects so tests can
 * assert them.
 */
public class WebSession {

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public WebSession(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Form fields in order; {@code form("name", "x", "email", "y")}. */
    public static Map<String, String> form(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().header("Accept", "text/html").build());
    }

    /** An htmx request: expects a fragment. */
    public HttpResponse<String> htmxGet(String path) {
        return send(request(path).GET().header("HX-Request", "true").header("Accept", "text/html").build());
    }

    public HttpResponse<String> getJson(String path) {
        return send(request(path).GET().header("Accept", "application/json").build());
    }

    /** A plain HTML form post with the CSRF token in the {@code _csrf} field. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        ensureCsrf();
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.putIfAbsent("_csrf", csrfToken());
        return postRaw(path, withToken, false);
    }

    /** An htmx form post: token in the {@code X-CSRF-TOKEN} header. */
    public HttpResponse<String> htmxPost(String path, Map<String, String> fields) {
        ensureCsrf();
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("HX-Request", "true").header("X-CSRF-TOKEN", csrfToken()).build());
    }

    /** An htmx form post of an already encoded body, for fields that repeat ({@code members=a&members=b}). */
    public HttpResponse<String> htmxPostEncoded(String path, String body) {
        ensureCsrf();
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("HX-Request", "true").header("X-CSRF-TOKEN", csrfToken()).build());
    }

    /** A form post without any CSRF token, for negative tests. */
    public HttpResponse<String> postWithoutCsrf(String path, Map<String, String> fields) {
        return postRaw(path, fields, false);
    }

    public HttpResponse<String> json(String method, String path, String body) {
        ensureCsrf();
        HttpRequest.Builder b = request(path).header("Accept", "application/json").header("X-CSRF-TOKEN", csrfToken());
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(b.build());
    }

    public String csrfToken() {
        return cookie("TG_CSRF");
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public boolean hasCookie(String name) {
        String v = cookie(name);
        return v != null && !v.isEmpty();
    }

    public URI base() {
        return base;
    }

    private void ensureCsrf() {
        if (csrfToken() == null) {
            get("/login");
        }
    }

    private HttpResponse<String> postRaw(String path, Map<String, String> fields, boolean htmx) {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html");
        if (htmx) {
            b.header("HX-Request", "true");
        }
        return send(b.build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> fields) {
        StringJoiner j = new StringJoiner("&");
        fields.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8)));
        return j.toString();
    }
}
