package io.topograph.platform.scheduling;

import io.micronaut.context.BeanContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

/**
 * Builds one Quartz scheduler node (not started). The application has one ({@link ClusteredScheduler});
 * tests and the benchmark build more to act as further server nodes on the same database.
 */
public final class QuartzNodes {

    static final String PROPERTIES = "quartz.properties";

    private QuartzNodes() {
    }

    /**
     * @param dataSource the injected, transaction-aware DataSource: scheduling calls join the
     *                   caller's transaction through it; its raw pool serves Quartz's own threads
     * @param instanceId {@code AUTO} (host name + time) or a fixed id, unique in the cluster
     */
    public static Scheduler create(QuartzSettings settings, DataSource dataSource, BeanContext context, String instanceId) {
        // Provider names are JVM-wide in Quartz: unique per node, so several nodes can live in one JVM (tests).
        String key = "topograph-" + UUID.randomUUID();
        String managed = key + "-managed";
        String raw = key + "-raw";
        DBConnectionManager.getInstance().addConnectionProvider(managed, new Provider(dataSource));
        DBConnectionManager.getInstance().addConnectionProvider(raw, new Provider(DelegatingDataSource.unwrapDataSource(dataSource)));
        Properties p = properties();
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(settings.getThreadCount()));
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", String.valueOf(settings.getBatchMaxCount()));
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow",
                String.valueOf(settings.getBatchFireAheadWindow().toMillis()));
        p.setProperty("org.quartz.scheduler.idleWaitTime", String.valueOf(settings.getIdleWaitTime().toMillis()));
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(settings.getClusterCheckinInterval().toMillis()));
        p.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(settings.getMisfireThreshold().toMillis()));
        p.setProperty("org.quartz.jobStore.dataSource", managed);
        p.setProperty("org.quartz.jobStore.nonManagedTXDataSource", raw);
        try {
            StdSchedulerFactory factory = new StdSchedulerFactory(p);
            Scheduler scheduler = factory.getScheduler();
            // Quartz keeps one scheduler per name and JVM; every node here has the cluster's name,
            // so the node is taken out of that registry: this class hands out each node once.
            SchedulerRepository.getInstance().remove(scheduler.getSchedulerName());
            scheduler.setJobFactory(new BeanJobFactory(context));
            return scheduler;
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz could not be set up: " + e.getMessage(), e);
        }
    }

    static Properties properties() {
        Properties p = new Properties();
        try (InputStream in = QuartzNodes.class.getClassLoader().getResourceAsStream(PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException(PROPERTIES + " is missing from the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private record Provider(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // The pool belongs to the application.
        }

        @Override
        public void initialize() {
        }
    }
}
