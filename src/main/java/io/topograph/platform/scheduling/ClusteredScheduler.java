package io.topograph.platform.scheduling;

import io.micronaut.context.BeanContext;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/** This server's Quartz node: created with the context, started once the application started, stopped with it. */
@Singleton
public class ClusteredScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ClusteredScheduler.class);

    private final Scheduler scheduler;
    private final QuartzSettings settings;

    public ClusteredScheduler(QuartzSettings settings, DataSource dataSource, BeanContext context) {
        this.settings = settings;
        this.scheduler = QuartzNodes.create(settings, dataSource, context, "AUTO");
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!settings.isEnabled()) {
            LOG.info("Scheduling is off on this node (topograph.scheduling.enabled=false): other nodes fire the schedules.");
            return;
        }
        try {
            scheduler.start();
            LOG.info("Quartz node {} started ({} threads)", scheduler.getSchedulerInstanceId(), settings.getThreadCount());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz could not start: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() throws SchedulerException {
        // Waits for running fires: each is one short transaction.
        scheduler.shutdown(true);
    }
}
