package io.topograph.notifications;

import io.micronaut.scheduling.annotation.Scheduled;
import io.topograph.platform.mail.Mailer;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * Sends due deliveries. Runs on every node: each pass claims a batch with one conditional
 * UPDATE … FOR UPDATE SKIP LOCKED (see {@link DeliveryStore#claimDue}), sends outside any
 * transaction, then records the result only if it still holds that attempt's claim.
 */
@Singleton
public class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int BATCH = 20;

    private final DeliveryStore deliveries;
    private final RuleStore rules;
    private final WebhookSender webhooks;
    private final Mailer mailer;
    private final NotificationSettings settings;

    public DeliveryWorker(DeliveryStore deliveries, RuleStore rules, WebhookSender webhooks, Mailer mailer,
                          NotificationSettings settings) {
        this.deliveries = deliveries;
        this.rules = rules;
        this.webhooks = webhooks;
        this.mailer = mailer;
        this.settings = settings;
    }

    @Scheduled(fixedDelay = "${topograph.notifications.worker-interval:5s}", initialDelay = "${topograph.notifications.worker-interval:5s}")
    public void scheduled() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("Sending notifications failed; next try in one interval", e);
        }
    }

    /** Keeps the delivery log to {@code topograph.notifications.log-retention} (default 90 days). */
    @Scheduled(fixedDelay = "1h", initialDelay = "10m")
    public void purge() {
        try {
            int purged = deliveries.purgeFinishedBefore(Instant.now().minus(settings.logRetention()));
            if (purged > 0) {
                LOG.info("Removed {} finished notification deliveries past the log retention", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging old notification deliveries failed; next try in an hour", e);
        }
    }

    /** Claims and sends one batch; returns how many deliveries it handled. */
    public int runOnce() {
        List<Delivery> claimed = deliveries.claimDue(BATCH, settings.claimFor());
        for (Delivery d : claimed) {
            try {
                handle(d);
            } catch (RuntimeException e) {
                LOG.warn("Delivery {} of organization {} failed unexpectedly", d.id(), d.organizationId(), e);
                failed(d, null, "Internal error: " + e.getClass().getSimpleName(), false);
            }
        }
        return claimed.size();
    }

    private void handle(Delivery d) {
        if (d.attempts() > settings.maxAttempts()) {
            // A claim lapsed after the last attempt (its node died): nothing more to try.
            failed(d, d.lastStatusCode(), d.lastError() == null ? "Gave up" : d.lastError(), true);
            return;
        }
        if (d.channel() == NotificationChannel.EMAIL) {
            for (String recipient : d.target().split(",\\s*")) {
                if (!recipient.isBlank()) {
                    mailer.send(recipient.trim(), d.subject(), d.payload());
                }
            }
            deliveries.delivered(d.organizationId(), d.id(), d.attempts(), null);
            return;
        }
        String secret = d.ruleId() == null ? null
                : rules.find(d.organizationId(), d.ruleId()).map(NotificationRule::webhookSecret).orElse(null);
        if (secret == null) {
            failed(d, null, "The rule was deleted or no longer has a webhook: nothing to sign with.", true);
            return;
        }
        WebhookSender.Result result = webhooks.send(d.target(), secret, d.eventType(), d.id().toString(), d.payload());
        if (result.ok()) {
            deliveries.delivered(d.organizationId(), d.id(), d.attempts(), result.statusCode());
        } else {
            failed(d, result.statusCode(), result.error(), result.permanent());
        }
    }

    private void failed(Delivery d, Integer statusCode, String error, boolean permanent) {
        boolean last = permanent || d.attempts() >= settings.maxAttempts();
        Instant next = last ? null : Instant.now().plus(settings.delayAfter(d.attempts()));
        deliveries.attemptFailed(d.organizationId(), d.id(), d.attempts(), statusCode,
                last && !permanent ? error + " (gave up after " + d.attempts() + " attempts)" : error, next);
        LOG.info("Delivery {} of organization {} attempt {} failed: {}{}", d.id(), d.organizationId(), d.attempts(), error,
                last ? "; giving up" : "; next attempt at " + next);
    }
}
