package io.topograph.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.changes.ChangeKind;
import io.topograph.platform.web.Check;
import io.topograph.platform.web.FormErrors;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Create or edit a notification rule (page form: checkboxes named {@code kinds}, a network select
 * where empty means every network, {@code enabled} present when ticked).
 *
 * @param recipients email addresses separated by commas, spaces or new lines
 */
@Serdeable
public record RuleForm(@Nullable String name, @Nullable List<String> kinds, @Nullable String networkId,
                       @Nullable String channel, @Nullable String recipients, @Nullable String url,
                       @Nullable String enabled) {

    public static final int NAME_MAX = 80;
    public static final int RECIPIENTS_MAX = 20;

    /** What a valid form means. */
    public record Valid(String name, Set<ChangeKind> kinds, @Nullable UUID networkId, NotificationChannel channel,
                        List<String> recipients, @Nullable String url, boolean enabled) {
    }

    /** The form a new rule starts with: the three announcements people ask for, by email. */
    public static RuleForm empty() {
        return new RuleForm("", List.of(ChangeKind.HOST_APPEARED.name(), ChangeKind.HOST_DISAPPEARED.name(),
                ChangeKind.SERVICE_APPEARED.name()), "", NotificationChannel.EMAIL.name(), "", "", "on");
    }

    public static RuleForm of(NotificationRule rule) {
        return new RuleForm(rule.name(), rule.kinds().stream().map(Enum::name).toList(),
                rule.networkId() == null ? "" : rule.networkId().toString(), rule.channel().name(),
                String.join(", ", rule.emailRecipients()), rule.webhookUrl() == null ? "" : rule.webhookUrl(),
                rule.enabled() ? "on" : null);
    }

    public boolean hasKind(String kind) {
        return kinds != null && kinds.contains(kind);
    }

    public boolean isEnabled() {
        return enabled != null && !enabled.isBlank() && !enabled.equalsIgnoreCase("false");
    }

    public boolean isWebhook() {
        return NotificationChannel.WEBHOOK.name().equalsIgnoreCase(channel == null ? "" : channel.trim());
    }

    /**
     * Checks every field; {@code networkIds} are the organization's networks, {@code targets}
     * judges the webhook URL. Throws {@link io.topograph.platform.web.ValidationException} when anything is wrong.
     */
    public Valid validate(Set<UUID> networkIds, WebhookTargets targets) {
        FormErrors errors = FormErrors.none();
        String n = Check.trim(name);
        Check.required(errors, "name", n, NAME_MAX);

        Set<ChangeKind> chosen = EnumSet.noneOf(ChangeKind.class);
        for (String k : kinds == null ? List.<String>of() : kinds) {
            try {
                chosen.add(ChangeKind.valueOf(k.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add("kinds", "Choose changes from the list.");
            }
        }
        if (chosen.isEmpty()) {
            errors.add("kinds", "Choose at least one kind of change.");
        }

        UUID network = null;
        String nid = Check.trim(networkId);
        if (nid != null && !nid.isEmpty()) {
            try {
                network = UUID.fromString(nid);
            } catch (IllegalArgumentException e) {
                network = null;
            }
            if (network == null || !networkIds.contains(network)) {
                errors.add("networkId", "Choose a network from the list.");
            }
        }

        NotificationChannel ch = null;
        try {
            ch = NotificationChannel.valueOf(channel == null ? "" : channel.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("channel", "Choose email or webhook.");
        }

        List<String> emails = new ArrayList<>();
        String hook = null;
        if (ch == NotificationChannel.EMAIL) {
            emails = parseRecipients(errors, "recipients", recipients);
        } else if (ch == NotificationChannel.WEBHOOK) {
            hook = url == null ? "" : url.trim();
            targets.problem(hook).ifPresent(message -> errors.add("url", message));
        }
        errors.throwIfAny();
        return new Valid(n, chosen, network, ch, emails, hook, isEnabled());
    }

    /** Splits and checks a list of addresses (at least one, at most {@link #RECIPIENTS_MAX}, no duplicates). */
    static List<String> parseRecipients(FormErrors errors, String field, @Nullable String raw) {
        Set<String> out = new LinkedHashSet<>();
        if (raw != null && raw.length() > 6000) {
            errors.add(field, "That is too long for a list of email addresses.");
            return List.of();
        }
        for (String part : (raw == null ? "" : raw).split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            FormErrors one = FormErrors.none();
            Check.email(one, field, part);
            if (one.any()) {
                errors.add(field, "“" + (part.length() > 60 ? part.substring(0, 60) + "…" : part)
                        + "” is not a valid email address.");
                return List.of();
            }
            out.add(part.trim().toLowerCase(Locale.ROOT));
        }
        if (out.isEmpty()) {
            errors.add(field, "Enter at least one email address.");
        } else if (out.size() > RECIPIENTS_MAX) {
            errors.add(field, "Use at most " + RECIPIENTS_MAX + " addresses.");
        }
        return List.copyOf(out);
    }
}
