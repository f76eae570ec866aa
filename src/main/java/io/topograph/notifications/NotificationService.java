package io.topograph.notifications;

import io.micronaut.transaction.annotation.Transactional;
import io.topograph.networks.Network;
import io.topograph.networks.NetworkService;
import io.topograph.platform.persistence.Sql;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.ForbiddenException;
import io.topograph.platform.web.NotFoundException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Notification use cases; all of them are for Owners and Admins and read through the member's organization. */
@Singleton
public class NotificationService {

    private final RuleStore rules;
    private final DeliveryStore deliveries;
    private final NetworkService networks;
    private final WebhookTargets targets;
    private final Messages messages;
    private final Sql sql;

    public NotificationService(RuleStore rules, DeliveryStore deliveries, NetworkService networks, WebhookTargets targets,
                               Messages messages, Sql sql) {
        this.rules = rules;
        this.deliveries = deliveries;
        this.networks = networks;
        this.targets = targets;
        this.messages = messages;
        this.sql = sql;
    }

    public static void requireManager(CurrentMember member) {
        if (!member.role().atLeast(io.topograph.platform.tenancy.Role.ADMIN)) {
            throw new ForbiddenException("Only Owners and Admins can manage notifications.");
        }
    }

    @Transactional(readOnly = true)
    public List<NotificationRule> list(CurrentMember member) {
        requireManager(member);
        return rules.list(member.organizationId());
    }

    @Transactional(readOnly = true)
    public NotificationRule find(CurrentMember member, UUID id) {
        requireManager(member);
        return rules.find(member.organizationId(), id).orElseThrow(() -> new NotFoundException("Notification rule not found"));
    }

    @Transactional(readOnly = true)
    public List<Network> networks(CurrentMember member) {
        requireManager(member);
        return networks.visibleNetworks(member);
    }

    @Transactional
    public NotificationRule create(CurrentMember member, RuleForm form) {
        requireManager(member);
        RuleForm.Valid valid = form.validate(networkIds(member), targets);
        UUID id = UUID.randomUUID();
        rules.insert(member.organizationId(), id, valid, WebhookSigner.newSecret());
        return rules.find(member.organizationId(), id).orElseThrow();
    }

    @Transactional
    public NotificationRule update(CurrentMember member, UUID id, RuleForm form) {
        NotificationRule existing = find(member, id);
        RuleForm.Valid valid = form.validate(networkIds(member), targets);
        // A rule keeps its secret while it stays a webhook; it gets a new one when it becomes one.
        String secret = existing.webhookSecret() != null ? existing.webhookSecret() : WebhookSigner.newSecret();
        rules.update(member.organizationId(), id, valid, secret);
        return rules.find(member.organizationId(), id).orElseThrow();
    }

    @Transactional
    public NotificationRule rotateSecret(CurrentMember member, UUID id) {
        NotificationRule existing = find(member, id);
        if (existing.channel() != NotificationChannel.WEBHOOK) {
            throw new NotFoundException("This rule has no webhook secret");
        }
        rules.replaceSecret(member.organizationId(), id, WebhookSigner.newSecret());
        return rules.find(member.organizationId(), id).orElseThrow();
    }

    @Transactional
    public NotificationRule delete(CurrentMember member, UUID id) {
        NotificationRule existing = find(member, id);
        rules.delete(member.organizationId(), id);
        return existing;
    }

    /** Queues a test delivery through the rule's channel (a {@code test} event for webhooks). */
    @Transactional
    public NotificationRule sendTest(CurrentMember member, UUID id) {
        NotificationRule rule = find(member, id);
        UUID deliveryId = UUID.randomUUID();
        String subject = "[Topograph] Test notification: " + rule.name();
        String payload = rule.channel() == NotificationChannel.WEBHOOK
                ? messages.testWebhookBody(deliveryId, member.organizationId(), member.organizationSlug(), member.organizationName(),
                        rule.name(), Instant.now())
                : messages.testEmailBody(member.organizationSlug(), member.organizationName(), rule.name());
        deliveries.insert(member.organizationId(), deliveryId, rule, null, null, "test", subject, payload, 0);
        return rule;
    }

    @Transactional(readOnly = true)
    public io.topograph.platform.web.Paging<Delivery> deliveries(CurrentMember member, int page, int size) {
        requireManager(member);
        long total = deliveries.count(member.organizationId());
        int p = Math.max(1, page);
        return new io.topograph.platform.web.Paging<>(deliveries.page(member.organizationId(), size, (p - 1) * size), p, size, total);
    }

    @Transactional
    public Delivery redeliver(CurrentMember member, UUID id) {
        requireManager(member);
        Delivery d = deliveries.find(member.organizationId(), id).orElseThrow(() -> new NotFoundException("Delivery not found"));
        if (deliveries.redeliver(member.organizationId(), id) == 0) {
            throw new io.topograph.platform.web.ConflictException("This delivery is still being sent; wait for it to finish.");
        }
        return d;
    }

    @Transactional(readOnly = true)
    public DigestForm digest(CurrentMember member) {
        requireManager(member);
        return sql.one("select enabled, recipients from notification_digest_settings where organization_id = ?",
                        rs -> new DigestForm(rs.getBoolean(1) ? "on" : null, String.join(", ", RuleStore.strings(rs.getArray(2)))),
                        member.organizationId())
                .orElse(new DigestForm(null, ""));
    }

    @Transactional
    public DigestForm.Valid saveDigest(CurrentMember member, DigestForm form) {
        requireManager(member);
        DigestForm.Valid valid = form.validate();
        sql.update("insert into notification_digest_settings (organization_id, enabled, recipients, updated_at)"
                        + " values (?, ?, ?::text[], now()) on conflict (organization_id) do update"
                        + " set enabled = excluded.enabled, recipients = excluded.recipients, updated_at = now()",
                member.organizationId(), valid.enabled(), RuleStore.textArray(valid.recipients()));
        return valid;
    }

    public boolean hosted() {
        return targets.hosted();
    }

    private Set<UUID> networkIds(CurrentMember member) {
        return networks.visibleNetworks(member).stream().map(Network::id).collect(Collectors.toSet());
    }
}
