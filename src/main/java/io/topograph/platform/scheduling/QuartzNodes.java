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
        DataSource pool = DelegatingDataSource.unwrapDataSource(dataSource);
        boolean asynchronous = settings.isAsynchronousCommit() && !"off".equals(serverSetting(pool, "synchronous_commit"));
        DBConnectionManager.getInstance().addConnectionProvider(raw, asynchronous ? new AsynchronousCommitProvider(pool) : new Provider(pool));
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

    private static String serverSetting(DataSource pool, String name) {
        try (Connection c = pool.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement("select current_setting(?)")) {
            ps.setString(1, name);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database's " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Quartz's own (non-managed) connections: each transaction Quartz opens on them ({@code setAutoCommit(false)})
     * first sets {@code synchronous_commit = off} for that transaction only ({@code set_config(..., true)}, i.e.
     * {@code SET LOCAL}), so the connection goes back to the shared pool unchanged. Quartz commits once per
     * cluster-lock round, and the lock is held until the commit returns: without the WAL flush wait, the
     * other node gets the lock sooner.
     *
     * <p>Why this is safe: the database stays consistent (no fsync is skipped; a crash of the database server
     * loses at most the last fraction of a second of these commits, never half of one). A lost Quartz state
     * update means Quartz sees the state from just before it: a trigger acquired or fired again (its fire
     * queues nothing: the run insert, which commits with the server's own setting in the application's
     * transaction, hits the unique key (organization, definition, scheduled time)), or a fire seen as missed
     * (the trigger's misfire policy: one catch-up fire, then the normal cadence). Applied only when the server
     * does not already run with {@code synchronous_commit = off} (the embedded PostgreSQL does).
     */
    private record AsynchronousCommitProvider(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = dataSource.getConnection();
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(QuartzNodes.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                        try {
                            Object result = method.invoke(connection, args);
                            if ("setAutoCommit".equals(method.getName()) && Boolean.FALSE.equals(args[0])) {
                                try (java.sql.Statement s = connection.createStatement()) {
                                    s.execute("select set_config('synchronous_commit', 'off', true)");
                                }
                            }
                            return result;
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
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
