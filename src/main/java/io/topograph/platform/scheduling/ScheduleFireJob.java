package io.topograph.platform.scheduling;

import io.micronaut.context.annotation.Prototype;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * The only job: hands the fire to the feature's {@link ScheduleHandler}. A bean, made per fire by {@link BeanJobFactory}.
 * Deliberately neither {@code @DisallowConcurrentExecution} nor {@code @PersistJobDataAfterExecution}: either would
 * make Quartz block/unblock triggers or rewrite the job row under the cluster lock on every fire, and would take
 * {@link ClusterJobStore}'s lock-free completion away.
 */
@Prototype
public class ScheduleFireJob implements Job {

    static final String ORGANIZATION_ID = "organizationId";
    static final String SUBJECT_ID = "subjectId";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleFireJob.class);

    private final ScheduleHandler handler;

    public ScheduleFireJob(ScheduleHandler handler) {
        this.handler = handler;
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        UUID organizationId = UUID.fromString(data.getString(ORGANIZATION_ID));
        UUID subjectId = UUID.fromString(data.getString(SUBJECT_ID));
        try {
            handler.fire(organizationId, subjectId, context.getScheduledFireTime().toInstant());
        } catch (RuntimeException e) {
            // Not re-fired at once: a failing database would make it spin. The next fire tries again.
            LOG.warn("Schedule {} of organization {} fired at {} but its work failed", subjectId, organizationId,
                    context.getScheduledFireTime().toInstant(), e);
        }
    }
}
