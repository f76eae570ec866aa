package io.topograph.notifications;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.changes.ChangeEvent;
import io.topograph.changes.ChangeKind;
import io.topograph.platform.mail.Mailer;
import io.topograph.platform.persistence.Sql;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The weekly digest: for each organization that turned it on, one email per recipient
 * summarising the previous week (Monday 00:00 to Monday 00:00 UTC) per network: counts by kind
 * and the first {@link #FIRST_FEW} changes, with a link to the network's What changed page.
 * A week without changes sends nothing (it is still marked done). Sent at most once per
 * organization and week: the row in {@code notification_digests} is inserted in the same
 * transaction that records the mail, and its primary key makes a second node wait and then skip.
 */
@Singleton
public class Digests {

    private static final Logger LOG = LoggerFactory.getLogger(Digests.class);
    static final int FIRST_FEW = 5;

    /** What an organization's digest covers. */
    public record Week(LocalDate start, Instant from, Instant to) {
        public static Week before(Instant now) {
            LocalDate thisMonday = now.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            LocalDate start = thisMonday.minusWeeks(1);
            return new Week(start, start.atStartOfDay(ZoneOffset.UTC).toInstant(), thisMonday.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
    }

    /** What happened for one organization. */
    public enum Outcome { SENT, NOTHING_CHANGED, ALREADY_DONE }

    private final Sql sql;
    private final Mailer mailer;
    private final Messages messages;

    public Digests(Sql sql, Mailer mailer, Messages messages) {
        this.sql = sql;
        this.mailer = mailer;
        this.messages = messages;
    }

    @Scheduled(fixedDelay = "${topograph.notifications.digest-check-interval:1h}", initialDelay = "1m")
    public void scheduled() {
        try {
            sendDue(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("Sending weekly digests failed; next try in one interval", e);
        }
    }

    /** Sends the digest of the week before {@code now} to every organization that wants one and has not had it. */
    public Map<UUID, Outcome> sendDue(Instant now) {
        Week week = Week.before(now);
        List<UUID> organizations = sql.list("select organization_id from notification_digest_settings s where enabled"
                        + " and cardinality(recipients) > 0 and not exists (select 1 from notification_digests d"
                        + " where d.organization_id = s.organization_id and d.week_start = ?)",
                rs -> rs.getObject(1, UUID.class), week.start());
        Map<UUID, Outcome> out = new LinkedHashMap<>();
        for (UUID organizationId : organizations) {
            try {
                out.put(organizationId, sendWeek(organizationId, week));
            } catch (RuntimeException e) {
                LOG.warn("Weekly digest of organization {} failed; it is tried again next check", organizationId, e);
            }
        }
        return out;
    }

    /** Claims the (organization, week) row and, when it was free and the week had changes, emails the digest. */
    @Transactional
    public Outcome sendWeek(UUID organizationId, Week week) {
        List<ChangeEvent> events = sql.list("select id, organization_id, network_id, run_id, host_id, kind, host_name, subject,"
                        + " before_value, after_value, occurred_at, acknowledged_at from change_events"
                        + " where organization_id = ? and occurred_at >= ? and occurred_at < ? order by occurred_at, id",
                rs -> new ChangeEvent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), ChangeKind.valueOf(rs.getString(6)),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant(),
                        rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant()),
                organizationId, Timestamp.from(week.from()), Timestamp.from(week.to()));
        int claimed = sql.update("insert into notification_digests (organization_id, week_start, change_count, sent)"
                + " values (?, ?, ?, ?) on conflict do nothing", organizationId, week.start(), events.size(), !events.isEmpty());
        if (claimed == 0) {
            return Outcome.ALREADY_DONE;
        }
        if (events.isEmpty()) {
            return Outcome.NOTHING_CHANGED;
        }
        record Org(String slug, String name, List<String> recipients) {
        }
        Org org = sql.one("select o.slug, o.name, s.recipients from organizations o join notification_digest_settings s"
                        + " on s.organization_id = o.id where o.id = ?",
                rs -> new Org(rs.getString(1), rs.getString(2), RuleStore.strings(rs.getArray(3))), organizationId).orElseThrow();
        Map<UUID, String> networkNames = new LinkedHashMap<>();
        sql.list("select id, name from networks where organization_id = ? order by lower(name)",
                rs -> networkNames.put(rs.getObject(1, UUID.class), rs.getString(2)), organizationId);
        String subject = "[Topograph] Weekly digest for " + org.name() + ": " + events.size()
                + (events.size() == 1 ? " change" : " changes") + " in the week of " + week.start();
        String body = body(org.slug(), org.name(), week, events, networkNames);
        for (String recipient : org.recipients()) {
            mailer.send(recipient, subject, body);
        }
        return Outcome.SENT;
    }

    private String body(String slug, String orgName, Week week, List<ChangeEvent> events, Map<UUID, String> networkNames) {
        Map<UUID, List<ChangeEvent>> byNetwork = new LinkedHashMap<>();
        for (UUID id : networkNames.keySet()) {
            byNetwork.put(id, new ArrayList<>());
        }
        for (ChangeEvent e : events) {
            byNetwork.computeIfAbsent(e.networkId(), k -> new ArrayList<>()).add(e);
        }
        StringBuilder b = new StringBuilder();
        b.append("What changed in ").append(orgName).append(" from ").append(week.start()).append(" to ")
                .append(week.start().plusDays(6)).append(" (UTC): ").append(events.size())
                .append(events.size() == 1 ? " change" : " changes").append(".\n");
        byNetwork.forEach((networkId, list) -> {
            if (list.isEmpty()) {
                return;
            }
            b.append("\n").append(networkNames.getOrDefault(networkId, "Network")).append(": ").append(list.size())
                    .append(list.size() == 1 ? " change" : " changes").append(" (").append(Messages.counts(list)).append(")\n");
            list.stream().limit(FIRST_FEW).forEach(e -> b.append("  • ").append(Messages.line(e)).append('\n'));
            if (list.size() > FIRST_FEW) {
                b.append("  … and ").append(list.size() - FIRST_FEW).append(" more.\n");
            }
            b.append("  See all: ").append(messages.changesUrl(slug, networkId)).append('\n');
        });
        b.append("\nYou receive this weekly digest because it is turned on for ").append(orgName)
                .append(". Owners and Admins can change it at ").append(messages.url("/o/" + slug + "/notifications")).append('\n');
        return b.toString();
    }
}
