package io.topograph.notifications;

import io.micronaut.core.annotation.Nullable;
import io.topograph.changes.ChangeKind;
import io.topograph.networks.Network;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.Paging;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** View names and typed view models of the notification pages. */
final class NotificationViews {

    static final String INDEX = "notifications/index";
    static final String RULES = "notifications/_rules :: rules";
    static final String DIGEST = "notifications/_digest :: digest";
    static final String NEW = "notifications/new";
    static final String EDIT = "notifications/edit";
    static final String FORM = "notifications/_form :: form";
    static final String SECRET = "notifications/_secret :: secret";
    static final String DELETE = "notifications/delete";
    static final String DELIVERIES = "notifications/deliveries";
    static final String DELIVERY_LIST = "notifications/_deliveries :: deliveries";

    private NotificationViews() {
    }

    record RuleRow(UUID id, String name, String kinds, String network, String channel, String target, boolean enabled,
                   boolean webhook) {
        static RuleRow of(NotificationRule rule, Map<UUID, String> networkNames) {
            String kinds = rule.kinds().stream().map(ChangeKind::label).collect(Collectors.joining(", "));
            String network = rule.networkId() == null ? "All networks" : networkNames.getOrDefault(rule.networkId(), "Deleted network");
            return new RuleRow(rule.id(), rule.name(), kinds, network, rule.channel().label(), rule.target(), rule.enabled(),
                    rule.channel() == NotificationChannel.WEBHOOK);
        }
    }

    static Map<UUID, String> names(List<Network> networks) {
        return networks.stream().collect(Collectors.toMap(Network::id, Network::name, (a, b) -> a));
    }

    record KindOption(String value, String label, boolean checked) {
    }

    record NetworkOption(String value, String label, boolean selected) {
    }

    /** What the rule form draws: the form's values, errors, and the choices. */
    record FormFields(List<KindOption> kinds, List<NetworkOption> networks, boolean webhook, boolean hosted) {
        static FormFields of(RuleForm form, List<Network> networks, boolean hosted) {
            List<KindOption> kinds = Arrays.stream(ChangeKind.values())
                    .map(k -> new KindOption(k.name(), k.label(), form.hasKind(k.name()))).toList();
            String chosen = form.networkId() == null ? "" : form.networkId().trim();
            List<NetworkOption> options = networks.stream()
                    .map(n -> new NetworkOption(n.id().toString(), n.name(), n.id().toString().equals(chosen))).toList();
            return new FormFields(kinds, options, form.isWebhook(), hosted);
        }
    }

    record IndexPage(String slug, List<RuleRow> rules, DigestForm digest, FormErrors digestErrors) {
    }

    record DigestView(String slug, DigestForm digest, FormErrors digestErrors) {
    }

    /**
     * The new/edit page and the form fragment.
     *
     * @param ruleId null for a new rule
     * @param secretHint the first characters of the webhook secret, or null
     * @param secret the whole secret when revealed, else null
     */
    record FormPage(String slug, @Nullable UUID ruleId, RuleForm form, FormErrors errors, FormFields fields,
                    @Nullable String secretHint, @Nullable String secret) {
    }

    record SecretView(String slug, UUID ruleId, @Nullable String secretHint, @Nullable String secret) {
    }

    record DeletePage(String slug, RuleRow row) {
    }

    record DeliveryRow(UUID id, String ruleName, String eventType, String channel, String target, String subject,
                       int changeCount, String status, String statusClass, int attempts, @Nullable Integer lastStatusCode,
                       @Nullable String lastError, String createdAt, String nextAttemptAt, boolean canRedeliver) {
        private static final java.time.format.DateTimeFormatter TIME =
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC);

        static String time(@Nullable Instant t) {
            return t == null ? "" : TIME.format(t);
        }

        static DeliveryRow of(Delivery d) {
            String cls = switch (d.status()) {
                case DELIVERED -> "text-bg-success";
                case FAILED -> "text-bg-danger";
                case SENDING -> "text-bg-info";
                case PENDING -> "text-bg-warning";
            };
            return new DeliveryRow(d.id(), d.ruleName(), d.eventType(), d.channel().label(), d.target(), d.subject(),
                    d.changeCount(), d.status().label(), cls, d.attempts(), d.lastStatusCode(), d.lastError(), time(d.createdAt()),
                    d.isPending() ? time(d.nextAttemptAt()) : "", d.canRedeliver());
        }
    }

    record DeliveriesPage(String slug, Paging<DeliveryRow> deliveries, String pagerBase) {
    }
}
