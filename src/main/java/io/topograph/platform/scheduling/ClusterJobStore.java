package io.topograph.platform.scheduling;

import org.quartz.JobDetail;
import org.quartz.JobPersistenceException;
import org.quartz.Trigger.CompletedExecutionInstruction;
import org.quartz.impl.jdbcjobstore.JobStoreCMT;
import org.quartz.spi.OperableTrigger;

/**
 * Quartz's container-managed JDBC store with one step made cheaper: the end of a plain fire.
 *
 * <p>Stock Quartz takes the cluster-wide {@code TRIGGER_ACCESS} row lock to record that a job
 * finished, although for our jobs that step is a single {@code DELETE} of this node's own
 * {@code QRTZ_FIRED_TRIGGERS} row (cron and interval triggers answer {@code NOOP}; our job is
 * neither {@code @DisallowConcurrentExecution} nor {@code @PersistJobDataAfterExecution}). With
 * every fire costing one such lock round, the two nodes spent most of a busy minute queueing on
 * that one row. Here that delete runs in its own short transaction without the lock; any other
 * completion (a trigger to delete or to mark complete, a job that blocks or persists its data)
 * goes through Quartz unchanged.
 *
 * <p>Why that is safe: the row is keyed by its fire instance id and only this node writes it,
 * until another node decides this one is dead and recovers its fired triggers (under the lock).
 * If that recovery races with the delete, the worst case is that a fire which already queued its
 * run is fired again as a recovery: the run insert hits the unique key (organization,
 * definition, scheduled time) and queues nothing. A failed delete is retried like Quartz's own.
 */
public class ClusterJobStore extends JobStoreCMT {

    @Override
    public void triggeredJobComplete(OperableTrigger trigger, JobDetail jobDetail, CompletedExecutionInstruction instruction) {
        if (instruction != CompletedExecutionInstruction.NOOP || jobDetail.isConcurrentExecutionDisallowed()
                || jobDetail.isPersistJobDataAfterExecution()) {
            super.triggeredJobComplete(trigger, jobDetail, instruction);
            return;
        }
        retryExecuteInNonManagedTXLock(null, conn -> {
            try {
                getDelegate().deleteFiredTrigger(conn, trigger.getFireInstanceId());
            } catch (java.sql.SQLException e) {
                throw new JobPersistenceException("Could not delete fired trigger " + trigger.getFireInstanceId() + ": " + e.getMessage(), e);
            }
            return null;
        });
    }
}
