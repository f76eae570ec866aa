package io.topograph.notifications;

import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.topograph.changes.ChangeEvent;
import io.topograph.changes.ChangeKind;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Writes what deliveries say: email subjects and bodies, webhook JSON bodies, and links back to the app. */
@Singleton
public class Messages {

    /** How many changes an email lists before pointing to the page for the rest. */
    static final int EMAIL_LIST_MAX = 50;

    /** The organization and network a message is about. */
    public record Context(UUID organizationId, String organizationSlug, String organizationName,
                          UUID networkId, String networkName) {
    }

    private final String baseUrl;
    private final JsonMapper json;

    public Messages(@Value("${topograph.base-url}") String baseUrl, JsonMapper json) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.json = json;
    }

    /** The network's What changed page. */
    public String changesUrl(String slug, UUID networkId) {
        return baseUrl + "/o/" + slug + "/networks/" + networkId + "/changes";
    }

    public String url(String path) {
        return baseUrl + path;
    }

    /** "2 hosts appeared, 1 service appeared" style counts, in kind order. */
    public static String counts(List<ChangeEvent> events) {
        Map<ChangeKind, Long> byKind = new EnumMap<>(ChangeKind.class);
        byKind.putAll(events.stream().collect(Collectors.groupingBy(ChangeEvent::kind, Collectors.counting())));
        return byKind.entrySet().stream().map(e -> e.getValue() + " × " + e.getKey().label().toLowerCase())
                .collect(Collectors.joining(", "));
    }

    /** One change as a line of text: "Host appeared: printer-2 — 192.168.1.20 (old → new)". */
    public static String line(ChangeEvent e) {
        StringBuilder b = new StringBuilder(e.kind().label()).append(": ").append(e.hostName());
        if (e.subject() != null && !e.subject().isBlank()) {
            b.append(" — ").append(e.subject());
        }
        if (e.before() != null || e.after() != null) {
            b.append(" (").append(e.before() == null ? "none" : e.before()).append(" → ")
                    .append(e.after() == null ? "none" : e.after()).append(')');
        }
        return b.toString();
    }

    public String emailSubject(Context c, List<ChangeEvent> events) {
        return "[Topograph] " + c.networkName() + ": " + events.size() + (events.size() == 1 ? " change" : " changes")
                + " (" + counts(events) + ")";
    }

    public String emailBody(Context c, String ruleName, List<ChangeEvent> events) {
        StringBuilder b = new StringBuilder();
        b.append("A discovery run on the network “").append(c.networkName()).append("” of ").append(c.organizationName())
                .append(" found ").append(events.size()).append(events.size() == 1 ? " change" : " changes").append(":\n\n");
        events.stream().limit(EMAIL_LIST_MAX).forEach(e -> b.append("  • ").append(line(e)).append('\n'));
        if (events.size() > EMAIL_LIST_MAX) {
            b.append("  … and ").append(events.size() - EMAIL_LIST_MAX).append(" more.\n");
        }
        b.append("\nSee what changed: ").append(changesUrl(c.organizationSlug(), c.networkId())).append('\n');
        b.append("\nYou receive this because of the notification rule “").append(ruleName).append("”. Owners and Admins can change it at ")
                .append(url("/o/" + c.organizationSlug() + "/notifications")).append('\n');
        return b.toString();
    }

    public String webhookBody(UUID deliveryId, Context c, UUID runId, String ruleName, List<ChangeEvent> events, Instant now) {
        List<WebhookPayload.Change> changes = events.stream().map(e -> new WebhookPayload.Change(e.id().toString(), e.kind().name(),
                e.kind().label(), e.hostId() == null ? null : e.hostId().toString(), e.hostName(), e.subject(), e.before(), e.after(),
                e.occurredAt().toString())).toList();
        return write(new WebhookPayload(deliveryId.toString(), "changes.recorded", now.toString(),
                new WebhookPayload.Organization(c.organizationId().toString(), c.organizationSlug(), c.organizationName()),
                new WebhookPayload.Network(c.networkId().toString(), c.networkName(), changesUrl(c.organizationSlug(), c.networkId())),
                runId == null ? null : new WebhookPayload.Run(runId.toString()), ruleName, changes));
    }

    public String testWebhookBody(UUID deliveryId, UUID organizationId, String slug, String organizationName, String ruleName, Instant now) {
        return write(new WebhookPayload(deliveryId.toString(), "test", now.toString(),
                new WebhookPayload.Organization(organizationId.toString(), slug, organizationName), null, null, ruleName, List.of()));
    }

    public String testEmailBody(String slug, String organizationName, String ruleName) {
        return "This is a test of the notification rule “" + ruleName + "” of " + organizationName + ".\n\n"
                + "When a discovery run finds changes this rule announces, you will get an email like this one listing them.\n"
                + "Rules: " + url("/o/" + slug + "/notifications") + "\n";
    }

    private String write(WebhookPayload payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
