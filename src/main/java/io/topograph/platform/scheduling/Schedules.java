package io.topograph.platform.scheduling;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.quartz.CalendarIntervalScheduleBuilder;
import org.quartz.CronScheduleBuilder;
import org.quartz.DateBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;

/**
 * Creates, replaces and removes the trigger of one subject (e.g. a discovery definition),
 * keyed by organization and subject id. Every call joins the caller's transaction (and refuses
 * to run without one): the trigger changes commit or roll back with the caller's own rows.
 */
@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
public class Schedules {

    private final Scheduler scheduler;

    public Schedules(ClusteredScheduler node) {
        this.scheduler = node.scheduler();
    }

    /** Schedules the subject, replacing its previous trigger if any. */
    public void put(UUID organizationId, UUID subjectId, ScheduleSpec spec) {
        JobDetail job = JobBuilder.newJob(ScheduleFireJob.class).withIdentity(jobKey(organizationId, subjectId))
                .usingJobData(ScheduleFireJob.ORGANIZATION_ID, organizationId.toString())
                .usingJobData(ScheduleFireJob.SUBJECT_ID, subjectId.toString())
                // A node that dies mid-fire: another node fires it again (the handler is idempotent).
                .requestRecovery(true).storeDurably(false).build();
        TriggerBuilder<Trigger> builder = TriggerBuilder.newTrigger().withIdentity(triggerKey(organizationId, subjectId)).forJob(job);
        Trigger trigger;
        if (spec instanceof ScheduleSpec.Cron c) {
            trigger = builder.startNow().withSchedule(CronScheduleBuilder.cronSchedule(c.quartzExpression())
                    .inTimeZone(TimeZone.getTimeZone(c.zone())).withMisfireHandlingInstructionFireAndProceed()).build();
        } else {
            ScheduleSpec.Every e = (ScheduleSpec.Every) spec;
            trigger = builder.startAt(Date.from(e.firstFire())).withSchedule(CalendarIntervalScheduleBuilder
                    .calendarIntervalSchedule().withInterval(Math.toIntExact(e.interval().toSeconds()), DateBuilder.IntervalUnit.SECOND)
                    .withMisfireHandlingInstructionFireAndProceed()).build();
        }
        try {
            // Quartz cannot replace a trigger by one of another kind (cron ↔ interval) in place: remove, then add.
            scheduler.deleteJob(job.getKey());
            scheduler.scheduleJob(job, trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule " + subjectId + ": " + e.getMessage(), e);
        }
    }

    /** Removes the subject's trigger; nothing happens when it has none. */
    public void remove(UUID organizationId, UUID subjectId) {
        try {
            scheduler.deleteJob(jobKey(organizationId, subjectId));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not unschedule " + subjectId + ": " + e.getMessage(), e);
        }
    }

    /** When the subject's trigger fires next; empty when it has none. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY, readOnly = true)
    public Optional<Instant> nextFire(UUID organizationId, UUID subjectId) {
        try {
            Trigger t = scheduler.getTrigger(triggerKey(organizationId, subjectId));
            return t == null || t.getNextFireTime() == null ? Optional.empty() : Optional.of(t.getNextFireTime().toInstant());
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean exists(UUID organizationId, UUID subjectId) {
        try {
            return scheduler.checkExists(triggerKey(organizationId, subjectId));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    static JobKey jobKey(UUID organizationId, UUID subjectId) {
        return JobKey.jobKey(subjectId.toString(), organizationId.toString());
    }

    static TriggerKey triggerKey(UUID organizationId, UUID subjectId) {
        return TriggerKey.triggerKey(subjectId.toString(), organizationId.toString());
    }
}
