package io.topograph.platform.scheduling;

import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.JobPersistenceException;
import org.quartz.Scheduler;
import org.quartz.Trigger.CompletedExecutionInstruction;
import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.JobStoreCMT;
import org.quartz.spi.OperableTrigger;
import org.quartz.spi.TriggerFiredBundle;
import org.quartz.spi.TriggerFiredResult;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Quartz's container-managed JDBC store with the three steps of every fire made cheap: acquiring a
 * batch of due triggers, firing them, and recording that their jobs finished.
 *
 * <p><b>Acquire and fire, set-based.</b> Both run under the cluster-wide {@code TRIGGER_ACCESS} row
 * lock, so whatever they cost is paid by all nodes one after another. Stock Quartz spends about a
 * dozen statements per trigger there; with 10,000 schedules due in one minute that capped the whole
 * cluster at a few hundred fires per second. Here a batch of cron triggers is read, marked and
 * recorded with two statements, and fired with two more ({@link ClusterDelegate}), with the same rules as
 * Quartz: only triggers still {@code WAITING} are acquired and only those still {@code ACQUIRED} are
 * fired; a trigger whose job is gone goes to {@code ERROR}; a trigger with no further fire time
 * becomes {@code COMPLETE}. Anything this fast path does not cover (other trigger types, calendars,
 * non-concurrent jobs: none of ours, but Quartz allows them) goes through Quartz's own code, trigger
 * by trigger, in the same transaction.
 *
 * <p><b>Completion without the lock, in batches.</b> Recording that a plain job finished is a
 * {@code DELETE} of this node's own {@code QRTZ_FIRED_TRIGGERS} row (cron and interval triggers
 * answer {@code NOOP}; our job is neither {@code @DisallowConcurrentExecution} nor
 * {@code @PersistJobDataAfterExecution}); it runs in its own short transaction without the lock,
 * and when many jobs finish at once one of them deletes the rows of all that finished meanwhile
 * with one statement instead of a transaction each. A node that dies between a job's end and that
 * delete leaves the row for recovery, which is the case below.
 * The row is keyed by its fire instance id and only this node writes it, until another node decides
 * this one is dead and recovers its fired triggers (under the lock). If that recovery races with the
 * delete, the worst case is that a fire which already queued its run is fired again as a recovery:
 * the run insert hits the unique key (organization, definition, scheduled time) and queues nothing.
 */
public class ClusterJobStore extends JobStoreCMT {

    /** Looks for due triggers again when every candidate was taken or unusable, as Quartz does (three looks). */
    private static final int MAX_ATTEMPTS = 3;
    /** Fired records deleted per statement at most. */
    private static final int DELETE_BATCH = 500;

    /** Fire instance ids of plain fires whose job finished, not yet deleted. */
    private final java.util.Queue<String> finished = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean deleting = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    protected List<OperableTrigger> acquireNextTrigger(Connection conn, long noLaterThan, int maxCount, long timeWindow)
            throws JobPersistenceException {
        if (timeWindow < 0) {
            throw new IllegalArgumentException("timeWindow must not be negative");
        }
        try {
            ClusterDelegate delegate = delegate();
            List<OperableTrigger> acquired = new ArrayList<>();
            for (int attempt = 0; attempt < MAX_ATTEMPTS && acquired.isEmpty(); attempt++) {
                List<ClusterDelegate.Stored> due = delegate.selectDue(conn, noLaterThan + timeWindow, getMisfireTime(), maxCount,
                        getClassLoadHelper());
                if (due.isEmpty()) {
                    return acquired;
                }
                Map<JobKey, JobDetail> jobs = new HashMap<>();
                List<OperableTrigger> candidates = new ArrayList<>();
                Set<JobKey> nonConcurrent = new HashSet<>();
                long batchEnd = noLaterThan;
                // In the order the query gave (next fire time, priority), up to the batch's end.
                for (ClusterDelegate.Stored row : due) {
                    OperableTrigger t = row.cronTrigger() != null ? row.cronTrigger() : retrieveTrigger(conn, row.key());
                    if (t == null) {
                        continue;
                    }
                    if (row.job() == null) {
                        getLog().error("Job {} of trigger {} is missing, setting the trigger to ERROR", row.jobKey(), row.key());
                        delegate.updateTriggerState(conn, row.key(), STATE_ERROR);
                        continue;
                    }
                    if (row.job().isConcurrentExecutionDisallowed() && !nonConcurrent.add(row.jobKey())) {
                        continue;
                    }
                    Date next = t.getNextFireTime();
                    if (next == null) {
                        getLog().warn("Trigger {} has no next fire time and yet is still stored", row.key());
                        continue;
                    }
                    if (next.getTime() > batchEnd) {
                        break;
                    }
                    if (candidates.isEmpty()) {
                        batchEnd = Math.max(next.getTime(), System.currentTimeMillis()) + timeWindow;
                    }
                    t.setFireInstanceId(getFiredTriggerRecordId());
                    jobs.put(row.jobKey(), row.job());
                    candidates.add(t);
                }
                if (!candidates.isEmpty()) {
                    Set<String> recorded = delegate.acquire(conn, candidates, jobs);
                    candidates.stream().filter(t -> recorded.contains(t.getFireInstanceId())).forEach(acquired::add);
                }
            }
            return acquired;
        } catch (JobPersistenceException e) {
            throw e;
        } catch (Exception e) {
            throw new JobPersistenceException("Couldn't acquire next trigger: " + e.getMessage(), e);
        }
    }

    @Override
    public List<TriggerFiredResult> triggersFired(List<OperableTrigger> triggers) throws JobPersistenceException {
        return executeInNonManagedTXLock(LOCK_TRIGGER_ACCESS, conn -> fire(conn, triggers), (conn, results) -> {
            // The commit failed: did it happen anyway? Then every fired trigger's record is EXECUTING.
            List<String> executing = new ArrayList<>();
            for (TriggerFiredResult r : results) {
                if (r.getTriggerFiredBundle() != null) {
                    executing.add(r.getTriggerFiredBundle().getTrigger().getFireInstanceId());
                }
            }
            try {
                return executing.isEmpty() || delegate().countFiredInState(conn, executing, STATE_EXECUTING) == executing.size();
            } catch (Exception e) {
                throw new JobPersistenceException("Could not validate fired triggers: " + e.getMessage(), e);
            }
        });
    }

    /** Fires a batch: plain cron triggers set-based, anything else through Quartz one by one. */
    private List<TriggerFiredResult> fire(Connection conn, List<OperableTrigger> triggers) throws JobPersistenceException {
        try {
            ClusterDelegate delegate = delegate();
            Map<TriggerKey, ClusterDelegate.Stored> stored = new HashMap<>();
            for (ClusterDelegate.Stored row : delegate.selectByKeys(conn, triggers.stream().map(OperableTrigger::getKey).toList(),
                    getClassLoadHelper())) {
                stored.put(row.key(), row);
            }
            Map<JobKey, JobDetail> jobs = new HashMap<>();
            List<OperableTrigger> plain = new ArrayList<>();
            List<Long> firedFor = new ArrayList<>();
            List<String> newStates = new ArrayList<>();
            // The previous fire time before firing, per fast-path trigger (identity: triggers compare by key).
            Map<OperableTrigger, Date> previous = new IdentityHashMap<>();
            for (OperableTrigger t : triggers) {
                ClusterDelegate.Stored row = stored.get(t.getKey());
                boolean fastPath = row != null && STATE_ACQUIRED.equals(row.state()) && row.cronTrigger() != null && row.job() != null
                        && t instanceof org.quartz.CronTrigger && t.getCalendarName() == null
                        && !row.job().isConcurrentExecutionDisallowed();
                if (fastPath) {
                    jobs.put(t.getJobKey(), row.job());
                    firedFor.add(t.getNextFireTime().getTime());
                    previous.put(t, t.getPreviousFireTime());
                    t.triggered(null);
                    newStates.add(t.getNextFireTime() == null ? STATE_COMPLETE : STATE_WAITING);
                    plain.add(t);
                }
            }
            if (!plain.isEmpty()) {
                delegate.fired(conn, plain, firedFor, jobs, newStates);
            }
            List<TriggerFiredResult> results = new ArrayList<>(triggers.size());
            for (OperableTrigger t : triggers) {
                ClusterDelegate.Stored row = stored.get(t.getKey());
                if (previous.containsKey(t)) {
                    JobDetail job = jobs.get(t.getJobKey());
                    job.getJobDataMap().clearDirtyFlag();
                    results.add(new TriggerFiredResult(new TriggerFiredBundle(job, t, null,
                            Scheduler.DEFAULT_RECOVERY_GROUP.equals(t.getKey().getGroup()), new Date(), t.getPreviousFireTime(),
                            previous.get(t), t.getNextFireTime())));
                } else if (row == null || !STATE_ACQUIRED.equals(row.state())) {
                    results.add(new TriggerFiredResult((TriggerFiredBundle) null)); // paused, deleted or taken meanwhile
                } else {
                    results.add(fireOne(conn, t));
                }
            }
            return results;
        } catch (JobPersistenceException e) {
            throw e;
        } catch (Exception e) {
            throw new JobPersistenceException("Couldn't fire triggers: " + e.getMessage(), e);
        }
    }

    private TriggerFiredResult fireOne(Connection conn, OperableTrigger t) {
        try {
            return new TriggerFiredResult(triggerFired(conn, t));
        } catch (JobPersistenceException | RuntimeException e) {
            getLog().error("Trigger {} could not be fired", t.getKey(), e);
            return new TriggerFiredResult(e);
        }
    }

    private ClusterDelegate delegate() throws JobPersistenceException {
        if (getDelegate() instanceof ClusterDelegate d) {
            return d;
        }
        throw new JobPersistenceException("ClusterJobStore needs org.quartz.jobStore.driverDelegateClass=" + ClusterDelegate.class.getName());
    }

    @Override
    public void triggeredJobComplete(OperableTrigger trigger, JobDetail jobDetail, CompletedExecutionInstruction instruction) {
        if (instruction != CompletedExecutionInstruction.NOOP || jobDetail.isConcurrentExecutionDisallowed()
                || jobDetail.isPersistJobDataAfterExecution()) {
            super.triggeredJobComplete(trigger, jobDetail, instruction);
            return;
        }
        finished.add(trigger.getFireInstanceId());
        // Whoever finds nobody deleting deletes everything finished so far in one statement; the
        // others leave their id to it. Re-checked after letting go, so no id is left behind.
        while (!finished.isEmpty() && deleting.compareAndSet(false, true)) {
            try {
                List<String> ids = new ArrayList<>();
                for (String id; ids.size() < DELETE_BATCH && (id = finished.poll()) != null; ) {
                    ids.add(id);
                }
                if (!ids.isEmpty()) {
                    retryExecuteInNonManagedTXLock(null, conn -> {
                        try {
                            delegate().deleteFiredTriggers(conn, ids);
                        } catch (java.sql.SQLException e) {
                            throw new JobPersistenceException("Could not delete " + ids.size() + " fired triggers: " + e.getMessage(), e);
                        }
                        return null;
                    });
                }
            } finally {
                deleting.set(false);
            }
        }
    }
}
