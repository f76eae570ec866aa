package io.topograph.discovery.definitions;

import io.micronaut.context.BeanContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.topograph.platform.scheduling.ClusteredScheduler;
import io.topograph.platform.scheduling.QuartzNodes;
import io.topograph.platform.scheduling.QuartzSettings;
import io.topograph.platform.scheduling.ScheduleSpec;
import io.topograph.platform.scheduling.Schedules;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.listeners.TriggerListenerSupport;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Quartz as the application uses it: triggers change with the definition's transaction, several
 * scheduler nodes on the one database fire each scheduled fire exactly once, a stopped node's
 * schedules go on firing on another, and schedules outlive a node. The context's own node is put
 * in standby meanwhile, so the nodes made here are the whole cluster.
 */
@MicronautTest(transactional = false)
class ScheduledFiresTest extends DefinitionsTestBase {

    @Inject
    DefinitionService definitions;
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

    private final List<Scheduler> nodes = new ArrayList<>();
    /** Quick triggers made here, removed afterwards so they do not fire on in later test classes. */
    private final List<UUID[]> quick = new ArrayList<>();
    /** Every fire any node made: "definition@scheduledFireTime" → node ids. */
    private final Map<String, ConcurrentLinkedQueue<String>> fires = new ConcurrentHashMap<>();

    @BeforeEach
    void standby() throws SchedulerException {
        assertThat(node.scheduler().isStarted()).as("the server's own node runs").isTrue();
        node.scheduler().standby();
    }

    @AfterEach
    void stop() throws SchedulerException {
        for (Scheduler s : nodes) {
            s.shutdown(true);
        }
        tx.executeWrite(status -> {
            quick.forEach(q -> schedules.remove(q[0], q[1]));
            return null;
        });
        node.scheduler().start();
    }

    @Test
    void a_definition_saved_in_a_transaction_that_rolls_back_leaves_no_trigger() {
        Site site = site("rolf");
        List<UUID> made = new ArrayList<>();
        assertThatThrownBy(() -> tx.executeWrite(status -> {
            made.add(definitions.createDefault(site.organizationId(), site.networkId(), site.daemonId(), "rack-a", false, List.of()));
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(made).hasSize(1);
        assertThat(definitions(site)).isZero();
        assertThat(triggers(made.get(0))).isZero();

        UUID kept = tx.executeWrite(status -> definitions.createDefault(site.organizationId(), site.networkId(), site.daemonId(),
                "rack-a", false, List.of()));
        assertThat(definitions(site)).isEqualTo(1);
        assertThat(triggers(kept)).isEqualTo(1);
    }

    @Test
    void scheduling_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> schedules.remove(UUID.randomUUID(), UUID.randomUUID())).isInstanceOf(RuntimeException.class);
    }

    @Test
    void two_nodes_fire_each_scheduled_fire_exactly_once() throws Exception {
        Site site = site("twin");
        Instant first = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        List<UUID> ids = definitionsFiringAt(site, 30, first, Duration.ofHours(1));
        startNode("node-a");
        startNode("node-b");

        awaitRuns(site, 30, Duration.ofSeconds(20));
        Thread.sleep(1500); // a duplicate fire would show up now
        assertThat(fires).hasSize(30);
        assertThat(fires.values()).allSatisfy(nodesThatFired -> assertThat(nodesThatFired).hasSize(1));
        for (UUID id : ids) {
            assertThat(db.column("select scheduled_for from discovery_runs where definition_id = ?", id)).hasSize(1);
        }
        assertThat(db.count("select count(*) from discovery_runs where organization_id = ? and trigger = 'SCHEDULED'",
                site.organizationId())).isEqualTo(30);
    }

    /** Cron triggers take ClusterJobStore's set-based acquire and fire; interval triggers (above) Quartz's own per-row steps. */
    @Test
    void two_nodes_fire_each_cron_fire_exactly_once_and_leave_the_triggers_waiting_for_their_next_fire() throws Exception {
        Site site = site("cron-twin");
        List<UUID> ids = definitionsFiring(site, 20, new ScheduleSpec.Cron("* * * * * ?", java.time.ZoneOffset.UTC));
        Instant started = Instant.now();
        startNode("node-a");
        startNode("node-b");

        awaitRuns(site, 60, Duration.ofSeconds(20));
        for (Scheduler s : nodes) {
            s.shutdown(true);
        }
        nodes.clear();
        assertThat(fires.values()).allSatisfy(nodesThatFired -> assertThat(nodesThatFired).hasSize(1));
        assertThat(fires.keySet()).allSatisfy(k -> assertThat(ids).contains(UUID.fromString(k.substring(0, k.indexOf('@')))));
        long runs = db.count("select count(*) from discovery_runs where organization_id = ? and trigger = 'SCHEDULED'", site.organizationId());
        assertThat(runs).as("one run per fire").isEqualTo(fires.size());
        assertThat(db.count("select count(distinct (definition_id, scheduled_for)) from discovery_runs where organization_id = ?",
                site.organizationId())).isEqualTo(runs);
        // ACQUIRED too: a node stopped while holding its next batch leaves it for cluster recovery, as stock Quartz does.
        assertThat(db.count("select count(*) from qrtz_triggers where trigger_group = ? and trigger_state in ('WAITING', 'ACQUIRED')"
                + " and prev_fire_time >= ? and next_fire_time > prev_fire_time", site.organizationId().toString(),
                started.toEpochMilli())).as("each trigger fired, then waits for its next second").isEqualTo(20);
        assertThat(db.count("select count(*) from qrtz_fired_triggers where trigger_group = ? and state <> 'ACQUIRED'",
                site.organizationId().toString())).as("finished fires leave no fired-trigger record").isZero();
    }

    @Test
    void a_stopped_nodes_schedules_fire_on_the_other_node() throws Exception {
        Site site = site("takeover");
        List<UUID> ids = definitionsFiringAt(site, 3, Instant.now().plusSeconds(1), Duration.ofSeconds(1));
        Scheduler a = startNode("node-a");
        awaitRuns(site, 3, Duration.ofSeconds(15));
        a.shutdown(false);
        Instant stopped = Instant.now();
        startNode("node-b");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (firesAfter(site, stopped) < 6 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(firesAfter(site, stopped)).isGreaterThanOrEqualTo(6);
        assertThat(fires.entrySet().stream().filter(e -> e.getValue().contains("node-b")).count()).isGreaterThanOrEqualTo(6);
        assertThat(fires.values()).allSatisfy(n -> assertThat(n).hasSize(1));
        assertThat(ids).allSatisfy(id -> assertThat(triggers(id)).isEqualTo(1));
    }

    @Test
    void schedules_survive_a_restart_of_the_scheduler() throws Exception {
        Site site = site("phoenix");
        Scheduler before = startNode("node-a");
        List<UUID> ids = definitionsFiringAt(site, 2, Instant.now().plusSeconds(3), Duration.ofHours(1));
        before.shutdown(true);
        assertThat(db.count("select count(*) from discovery_runs where organization_id = ?", site.organizationId())).isZero();
        startNode("node-a"); // the same node, started again: nothing in memory survived
        awaitRuns(site, 2, Duration.ofSeconds(20));
        assertThat(ids).allSatisfy(id -> assertThat(db.count("select count(*) from discovery_runs where definition_id = ?", id))
                .isEqualTo(1));
    }

    @Test
    void a_repeated_fire_queues_one_run_and_a_fire_that_cannot_run_says_why() {
        Site site = site("again");
        UUID id = tx.executeWrite(status -> definitions.createDefault(site.organizationId(), site.networkId(), site.daemonId(),
                "rack-a", false, List.of()));
        Instant at = Instant.parse("2030-01-06T03:00:00Z");
        assertThat(definitions.fire(site.organizationId(), id, at)).isPresent();
        assertThat(definitions.fire(site.organizationId(), id, at)).as("same scheduled fire again").isEmpty();
        assertThat(db.count("select count(*) from discovery_runs where definition_id = ?", id)).isEqualTo(1);
        assertThat(db.column("select targets::text from discovery_runs where definition_id = ?", id)).containsExactly("[\"127.0.0.0/8\"]");

        db.update("update daemons set disabled = true where id = ?", site.daemonId());
        assertThat(definitions.fire(site.organizationId(), id, at.plusSeconds(604_800))).isEmpty();
        assertThat(db.column("select last_skip_reason from discovery_definitions where id = ?", id).get(0).toString()).contains("is disabled");
        db.update("delete from daemons where id = ?", site.daemonId());
        assertThat(definitions.fire(site.organizationId(), id, at.plusSeconds(2 * 604_800))).isEmpty();
        assertThat(db.column("select last_skip_reason from discovery_definitions where id = ?", id).get(0).toString()).contains("was deleted");
        assertThat(definitions(site)).isEqualTo(1);
        assertThat(triggers(id)).as("kept, so a new daemon choice needs no new schedule").isEqualTo(1);

        db.update("update discovery_definitions set enabled = false where id = ?", id);
        definitions.fire(site.organizationId(), id, at.plusSeconds(3 * 604_800));
        assertThat(triggers(id)).as("a fire of a disabled definition removes its stale trigger").isZero();
    }

    /** Real definitions whose triggers are replaced by a quick one (the feature's own minimum is 5 minutes). */
    private List<UUID> definitionsFiringAt(Site site, int count, Instant first, Duration every) {
        return definitionsFiring(site, count, new ScheduleSpec.Every(every, first));
    }

    private List<UUID> definitionsFiring(Site site, int count, ScheduleSpec spec) {
        return tx.executeWrite(status -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                UUID id = definitions.createDefault(site.organizationId(), site.networkId(), site.daemonId(), "rack-a", false, List.of());
                schedules.put(site.organizationId(), id, spec);
                ids.add(id);
                quick.add(new UUID[]{site.organizationId(), id});
            }
            return ids;
        });
    }

    private Scheduler startNode(String id) throws SchedulerException {
        Scheduler s = QuartzNodes.create(settings, dataSource, context, id);
        s.getListenerManager().addTriggerListener(new TriggerListenerSupport() {
            @Override
            public String getName() {
                return "fires-" + id;
            }

            @Override
            public void triggerFired(Trigger trigger, JobExecutionContext ctx) {
                fires.computeIfAbsent(trigger.getKey().getName() + "@" + ctx.getScheduledFireTime().toInstant(),
                        k -> new ConcurrentLinkedQueue<>()).add(id);
            }
        });
        s.start();
        nodes.add(s);
        return s;
    }

    private void awaitRuns(Site site, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (db.count("select count(*) from discovery_runs where organization_id = ?", site.organizationId()) >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + count + " runs after " + timeout + "; fires: "
                + fires.keySet().stream().sorted().collect(Collectors.joining(", ")));
    }

    private long firesAfter(Site site, Instant t) {
        return db.count("select count(*) from discovery_runs where organization_id = ? and scheduled_for > ?",
                site.organizationId(), java.sql.Timestamp.from(t));
    }
}
