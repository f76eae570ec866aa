package io.topograph.platform.scheduling;

import io.micronaut.context.BeanContext;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Quartz asks the bean context for each job instance, so jobs get their collaborators injected. */
final class BeanJobFactory implements JobFactory {

    private final BeanContext context;

    BeanJobFactory(BeanContext context) {
        this.context = context;
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        try {
            return context.getBean(type);
        } catch (RuntimeException e) {
            throw new SchedulerException("No bean for job " + type.getName(), e);
        }
    }
}
