package io.topograph.notifications;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One webhook attempt: POST of the stored JSON body with the signature headers, no redirects
 * followed (a redirect could lead anywhere), bounded by the configured timeout.
 */
@Singleton
public class WebhookSender {

    public static final String EVENT_HEADER = "Topograph-Event";
    public static final String DELIVERY_HEADER = "Topograph-Delivery";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    public static final String TIMESTAMP_HEADER = "Topograph-Timestamp";
    public static final String SIGNATURE_HEADER = "Topograph-Signature";

    /** The outcome of one attempt; {@code statusCode} is null when no answer came. */
    public record Result(boolean ok, @Nullable Integer statusCode, String error, boolean permanent) {
    }

    private final HttpClient client;
    private final NotificationSettings settings;
    private final WebhookTargets targets;

    public WebhookSender(NotificationSettings settings, WebhookTargets targets) {
        this.settings = settings;
        this.targets = targets;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.webhookTimeout()).build();
    }

    public Result send(String url, String secret, String eventType, String deliveryId, String body) {
        // Checked again at send time: in hosted mode the name may now resolve somewhere internal.
        var problem = targets.problem(url);
        if (problem.isPresent()) {
            return new Result(false, null, "Refused target: " + problem.get(), true);
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url.trim()))
                    .timeout(settings.webhookTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Topograph-Webhooks/1")
                    .header(EVENT_HEADER, eventType)
                    .header(DELIVERY_HEADER, deliveryId)
                    .header(IDEMPOTENCY_HEADER, deliveryId)
                    .header(TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(SIGNATURE_HEADER, WebhookSigner.signature(secret, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return new Result(false, null, "Invalid URL: " + e.getMessage(), true);
        }
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int code = response.statusCode();
            if (code >= 200 && code < 300) {
                return new Result(true, code, "", false);
            }
            String answer = response.body() == null ? "" : response.body().strip();
            if (answer.length() > 200) {
                answer = answer.substring(0, 200) + "…";
            }
            return new Result(false, code, "HTTP " + code + (answer.isEmpty() ? "" : ": " + answer), false);
        } catch (HttpTimeoutException e) {
            return new Result(false, null, "Timed out after " + settings.webhookTimeout().toSeconds() + " s", false);
        } catch (IOException e) {
            return new Result(false, null, "Connection failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, null, "Interrupted while sending", false);
        }
    }
}
