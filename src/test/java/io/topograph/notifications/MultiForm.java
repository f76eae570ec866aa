package io.topograph.notifications;

import io.topograph.support.WebSession;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** A plain form post whose fields may repeat (several ticked checkboxes named alike), sent with a WebSession's cookies. */
final class MultiForm {

    private MultiForm() {
    }

    static HttpResponse<String> post(WebSession web, String path, String... pairs) {
        if (web.csrfToken() == null) {
            web.get("/login");
        }
        StringJoiner body = new StringJoiner("&");
        for (int i = 0; i < pairs.length; i += 2) {
            body.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        body.add("_csrf=" + URLEncoder.encode(web.csrfToken(), StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(web.base().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Cookie", "TG_SESSION=" + web.cookie("TG_SESSION") + "; TG_CSRF=" + web.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
