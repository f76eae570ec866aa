package io.topograph.discovery.definitions;

import io.micronaut.context.BeanContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.topograph.platform.scheduling.ClusteredScheduler;
import io.topograph.platform.scheduling.QuartzNodes;
import io.topograph.platform.scheduling.QuartzSettings;
import io.topograph.platform.scheduling.ScheduleSpec;
import io.topograph.platform.scheduling.Schedules;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.listeners.TriggerListenerSupport;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduling benchmark (bench/schedules.sh; runs only with {@code -Dbench=true}): 10,000
 * enabled cron definitions across 1,000 organizations, all due in the same minute, fired by two
 * scheduler nodes (this server's and a second one) on the one PostgreSQL through the real job,
 * handler and run insert. Checks that every definition queued exactly one run and reports the lag
 * between scheduled fire time and the run's insert (p50, p99, max). Writes target/bench-schedules.txt.
 */
@MicronautTest(transactional = false)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ScheduleBenchmarkTest {

    private static final int ORGANIZATIONS = Integer.getInteger("bench.organizations", 1_000);
    private static final int PER_ORGANIZATION = Integer.getInteger("bench.definitions-per-organization", 10);

    @Inject
    DataSource dataSource;
    @Inject
    Schedules schedules;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    ClusteredScheduler node;
    @Inject
    QuartzSettings settings;
    @Inject
    BeanContext context;

    @Test
    void ten_thousand_definitions_due_in_one_minute_on_two_nodes() throws Exception {
        DataSource raw = DelegatingDataSource.unwrapDataSource(dataSource);
        int total = ORGANIZATIONS * PER_ORGANIZATION;
        Instant setupStart = Instant.now();
        // Due at the first minute boundary at least 2 minutes away: room to set up 10,000 triggers.
        ZonedDateTime due = ZonedDateTime.ofInstant(setupStart.plus(Duration.ofMinutes(2)), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES)
                .plusMinutes(1);
        String quartz = CronText.toQuartz(due.getMinute() + " " + due.getHour() + " * * *");
        String tag = "bench-" + UUID.randomUUID().toString().substring(0, 8);

        List<UUID[]> definitions = seed(raw, tag, due.getMinute() + " " + due.getHour() + " * * *");
        for (int i = 0; i < definitions.size(); i += 500) {
            List<UUID[]> slice = definitions.subList(i, Math.min(definitions.size(), i + 500));
            tx.executeWrite(status -> {
                for (UUID[] d : slice) {
                    schedules.put(d[0], d[1], new ScheduleSpec.Cron(quartz, ZoneOffset.UTC));
                }
                return null;
            });
        }
        Duration setup = Duration.between(setupStart, Instant.now());
        assertThat(Instant.now()).as("set-up must finish before the fire minute").isBefore(due.toInstant());

        java.util.Queue<Long> fireLags = new java.util.concurrent.ConcurrentLinkedQueue<>();
        AtomicLong firedA = new AtomicLong();
        AtomicLong firedB = new AtomicLong();
        node.scheduler().getListenerManager().addTriggerListener(counter("bench-a", firedA, fireLags));
        long[] statsBefore = dbStats(raw);
        Scheduler second = QuartzNodes.create(settings, dataSource, context, "bench-node-b");
        second.getListenerManager().addTriggerListener(counter("bench-b", firedB, fireLags));
        second.start();
        try {
            long deadline = due.toInstant().plusSeconds(180).toEpochMilli();
            while (System.currentTimeMillis() < deadline && runs(raw, tag) < total) {
                Thread.sleep(500);
            }
            Thread.sleep(3000); // late duplicates would show now
        } finally {
            second.shutdown(true);
        }

        long[] statsAfter = dbStats(raw);
        long runs = runs(raw, tag);
        long distinct = one(raw, "select count(distinct r.definition_id) from discovery_runs r join organizations o on o.id = r.organization_id"
                + " where o.slug like ? and r.trigger = 'SCHEDULED'", tag + "%");
        List<Long> lags = new ArrayList<>();
        // Measured from the minute they were all due (not from scheduled_for, which a misfire moves to its catch-up time).
        try (Connection c = raw.getConnection(); PreparedStatement ps = c.prepareStatement("select (extract(epoch from r.created_at - ?) * 1000)::bigint"
                + " from discovery_runs r join organizations o on o.id = r.organization_id where o.slug like ? order by 1")) {
            ps.setTimestamp(1, java.sql.Timestamp.from(due.toInstant()));
            ps.setString(2, tag + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lags.add(rs.getLong(1));
                }
            }
        }
        List<Long> fired = new ArrayList<>(fireLags);
        java.util.Collections.sort(fired);
        long misfired = one(raw, "select count(*) from discovery_runs r join organizations o on o.id = r.organization_id"
                + " where o.slug like ? and r.scheduled_for <> '" + due.toInstant() + "'::timestamptz", tag + "%");
        String report = String.join(System.lineSeparator(),
                "Scheduling benchmark (2 Quartz nodes, " + settings.getThreadCount() + " threads each, batch "
                        + settings.getBatchMaxCount() + ", one embedded PostgreSQL 15)",
                "definitions:                 " + total + " across " + ORGANIZATIONS + " organizations, all due at " + due.toInstant(),
                "set-up (rows + triggers):    " + setup.toSeconds() + " s",
                "runs queued:                 " + runs + " (" + distinct + " distinct definitions)",
                "fires by node a / node b:    " + firedA.get() + " / " + firedB.get(),
                "fired as misfire catch-up:   " + misfired + " (more than the 60 s misfire threshold late)",
                "database server:             synchronous_commit=" + show(raw, "synchronous_commit") + ", fsync=" + show(raw, "fsync"),
                "per fire, whole database:    " + perFire(statsAfter[0] - statsBefore[0], total) + " commits, "
                        + perFire(statsAfter[1] - statsBefore[1], total) + " rows inserted, " + perFire(statsAfter[2] - statsBefore[2], total)
                        + " updated, " + perFire(statsAfter[3] - statsBefore[3], total) + " deleted, "
                        + perFire(statsAfter[4] - statsBefore[4], total) + " rows fetched (pg_stat_database, fire window)",
                "load average after:          " + Files.readString(Path.of("/proc/loadavg")).trim(),
                "lag due time → job started:  p50 " + pct(fired, 50) + " ms, p99 " + pct(fired, 99) + " ms (Quartz's part)",
                "lag due time → run queued:   p50 " + pct(lags, 50) + " ms, p99 " + pct(lags, 99) + " ms, max "
                        + (lags.isEmpty() ? "-" : lags.get(lags.size() - 1)) + " ms",
                "");
        System.out.println(report);
        Files.writeString(Path.of("target/bench-schedules.txt"), report);

        assertThat(runs).isEqualTo(total);
        assertThat(distinct).isEqualTo(total);
        assertThat(firedA.get() + firedB.get()).isEqualTo(total);
        assertThat(pct(lags, 99)).isLessThan(10_000);
    }

    /** 1,000 organizations with a network and a daemon (subnet 127.0.0.0/8), and 10 cron definitions each, in plain SQL. */
    private List<UUID[]> seed(DataSource raw, String tag, String cron) throws Exception {
        List<UUID[]> out = new ArrayList<>();
        try (Connection c = raw.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement org = c.prepareStatement("insert into organizations (id, name, slug) values (?, ?, ?)");
                 PreparedStatement net = c.prepareStatement("insert into networks (id, organization_id, name) values (?, ?, 'Bench')");
                 PreparedStatement daemon = c.prepareStatement("insert into daemons (id, organization_id, network_id, name, instance_id,"
                         + " credential_hash, credential_prefix, subnets, last_heartbeat_at) values (?, ?, ?, 'bench', ?, ?, 'tgd_bench', "
                         + " '[{\"cidr\":\"127.0.0.0/8\"}]'::jsonb, now())");
                 PreparedStatement def = c.prepareStatement("insert into discovery_definitions (id, organization_id, network_id, name,"
                         + " schedule_kind, cron, timezone, enabled) values (?, ?, ?, ?, 'CRON', ?, 'UTC', true)")) {
                for (int o = 0; o < ORGANIZATIONS; o++) {
                    UUID orgId = UUID.randomUUID();
                    UUID netId = UUID.randomUUID();
                    org.setObject(1, orgId);
                    org.setString(2, "Bench " + o);
                    org.setString(3, tag + "-" + o);
                    org.addBatch();
                    net.setObject(1, netId);
                    net.setObject(2, orgId);
                    net.addBatch();
                    daemon.setObject(1, UUID.randomUUID());
                    daemon.setObject(2, orgId);
                    daemon.setObject(3, netId);
                    daemon.setObject(4, UUID.randomUUID());
                    daemon.setBytes(5, io.topograph.platform.security.SecureTokens.sha256(UUID.randomUUID().toString()));
                    daemon.addBatch();
                    for (int d = 0; d < PER_ORGANIZATION; d++) {
                        UUID id = UUID.randomUUID();
                        def.setObject(1, id);
                        def.setObject(2, orgId);
                        def.setObject(3, netId);
                        def.setString(4, "Bench " + d);
                        def.setString(5, cron);
                        def.addBatch();
                        out.add(new UUID[]{orgId, id});
                    }
                }
                org.executeBatch();
                net.executeBatch();
                daemon.executeBatch();
                def.executeBatch();
            }
            c.commit();
        }
        return out;
    }

    private static TriggerListenerSupport counter(String name, AtomicLong count, java.util.Queue<Long> lags) {
        return new TriggerListenerSupport() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public void triggerFired(Trigger trigger, JobExecutionContext ctx) {
                count.incrementAndGet();
                lags.add(System.currentTimeMillis() - ctx.getScheduledFireTime().getTime());
            }
        };
    }

    /** Commits, rows inserted/updated/deleted/fetched of this database so far (pg_stat_database). */
    private static long[] dbStats(DataSource raw) throws Exception {
        try (Connection c = raw.getConnection(); PreparedStatement ps = c.prepareStatement("select xact_commit, tup_inserted, tup_updated,"
                + " tup_deleted, tup_fetched from pg_stat_database where datname = current_database()")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)};
            }
        }
    }

    private static String perFire(long count, int fires) {
        return String.format(java.util.Locale.ROOT, "%.1f", (double) count / fires);
    }

    private static String show(DataSource raw, String setting) throws Exception {
        try (Connection c = raw.getConnection(); PreparedStatement ps = c.prepareStatement("select current_setting(?)")) {
            ps.setString(1, setting);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static long runs(DataSource raw, String tag) throws Exception {
        return one(raw, "select count(*) from discovery_runs r join organizations o on o.id = r.organization_id where o.slug like ?", tag + "%");
    }

    private static long one(DataSource raw, String sql, String arg) throws Exception {
        try (Connection c = raw.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Long.MAX_VALUE;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
