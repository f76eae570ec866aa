package io.topograph.platform.scheduling;

import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.JobDetailImpl;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.spi.ClassLoadHelper;
import org.quartz.spi.OperableTrigger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;

/**
 * Quartz's PostgreSQL delegate with the statements of a busy minute made set-based.
 *
 * <p>Stock Quartz reads and writes one trigger at a time while a node holds the cluster-wide
 * {@code TRIGGER_ACCESS} lock: about a dozen statements per fire (read trigger, read its cron
 * row, read its job, mark acquired, insert the fired record; then read the state again, read the
 * job again, update the fired record, check the trigger exists, rewrite the trigger and its cron
 * row). With thousands of schedules due in the same minute, those round trips under one lock were
 * the whole cost. The methods here do the same reads and writes for a whole batch ({@code unnest}
 * of key arrays, writable CTEs), so acquiring a batch is two statements and firing it two more;
 * {@link ClusterJobStore} calls them. The acquisition query has a {@code LIMIT}: stock Quartz only
 * caps the rows it reads from the result, so the server sorted every waiting trigger due by then
 * for each batch; with the index {@code IDX_QRTZ_T_NFT_ST} (state, next fire time, priority
 * descending) it reads just the batch.
 *
 * <p>Column meanings are Quartz's own (its table definitions, V51); the values written are the ones
 * Quartz's per-row statements write, so recovery, misfire handling and the admin API see the same
 * rows as before.
 */
public class ClusterDelegate extends PostgreSQLDelegate {

    /** The keys of a batch as two parallel text arrays, joined by position. */
    private static final String KEYS = "unnest(?::text[], ?::text[]) AS k(name, grp)";

    /** Trigger, cron and job columns, in the order {@link #trigger} and {@link #job} read them. */
    private static final String COLUMNS = "t.TRIGGER_NAME, t.TRIGGER_GROUP, t.TRIGGER_STATE, t.TRIGGER_TYPE, t.JOB_NAME, t.JOB_GROUP,"
            + " t.DESCRIPTION, t.NEXT_FIRE_TIME, t.PREV_FIRE_TIME, t.PRIORITY, t.START_TIME, t.END_TIME, t.CALENDAR_NAME,"
            + " t.MISFIRE_INSTR, t.JOB_DATA, c.CRON_EXPRESSION, c.TIME_ZONE_ID,"
            + " j.JOB_NAME, j.DESCRIPTION, j.JOB_CLASS_NAME, j.IS_DURABLE, j.REQUESTS_RECOVERY, j.JOB_DATA";
    private static final String JOINS = " LEFT JOIN {0}CRON_TRIGGERS c ON c.SCHED_NAME = t.SCHED_NAME"
            + " AND c.TRIGGER_NAME = t.TRIGGER_NAME AND c.TRIGGER_GROUP = t.TRIGGER_GROUP"
            + " LEFT JOIN {0}JOB_DETAILS j ON j.SCHED_NAME = t.SCHED_NAME AND j.JOB_NAME = t.JOB_NAME AND j.JOB_GROUP = t.JOB_GROUP";

    private static final String DUE = "SELECT " + COLUMNS + " FROM {0}TRIGGERS t" + JOINS
            + " WHERE t.SCHED_NAME = {1} AND t.TRIGGER_STATE = ? AND t.NEXT_FIRE_TIME <= ?"
            + " AND (t.MISFIRE_INSTR = -1 OR (t.MISFIRE_INSTR <> -1 AND t.NEXT_FIRE_TIME >= ?))"
            + " ORDER BY t.NEXT_FIRE_TIME ASC, t.PRIORITY DESC LIMIT ?";

    private static final String BY_KEYS = "SELECT " + COLUMNS + " FROM " + KEYS
            + " JOIN {0}TRIGGERS t ON t.SCHED_NAME = {1} AND t.TRIGGER_NAME = k.name AND t.TRIGGER_GROUP = k.grp" + JOINS;

    /** Marks the still-waiting candidates acquired and records their fires, answering the fire ids recorded. */
    private static final String ACQUIRE = "WITH moved AS (UPDATE {0}TRIGGERS t SET TRIGGER_STATE = ? FROM " + KEYS
            + " WHERE t.SCHED_NAME = {1} AND t.TRIGGER_NAME = k.name AND t.TRIGGER_GROUP = k.grp AND t.TRIGGER_STATE = ?"
            + " RETURNING t.TRIGGER_NAME, t.TRIGGER_GROUP)"
            + " INSERT INTO {0}FIRED_TRIGGERS (SCHED_NAME, ENTRY_ID, TRIGGER_NAME, TRIGGER_GROUP, INSTANCE_NAME, FIRED_TIME, SCHED_TIME,"
            + " STATE, JOB_NAME, JOB_GROUP, IS_NONCONCURRENT, REQUESTS_RECOVERY, PRIORITY)"
            + " SELECT {1}, f.id, f.name, f.grp, ?, ?, f.sched, ?, f.job, f.jgrp, f.nonconcurrent, f.recovery, f.prio"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::boolean[], ?::boolean[], ?::integer[])"
            + " AS f(id, name, grp, sched, job, jgrp, nonconcurrent, recovery, prio)"
            + " JOIN moved m ON m.TRIGGER_NAME = f.name AND m.TRIGGER_GROUP = f.grp RETURNING ENTRY_ID";

    /** Moves the fired records to EXECUTING and writes the triggers' new fire times and states, in one statement. */
    private static final String FIRED = "WITH records AS (UPDATE {0}FIRED_TRIGGERS f SET INSTANCE_NAME = ?, FIRED_TIME = ?,"
            + " SCHED_TIME = u.sched, STATE = ?, JOB_NAME = u.job, JOB_GROUP = u.jgrp, IS_NONCONCURRENT = u.nonconcurrent,"
            + " REQUESTS_RECOVERY = u.recovery"
            + " FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::boolean[], ?::boolean[])"
            + " AS u(id, sched, job, jgrp, nonconcurrent, recovery) WHERE f.SCHED_NAME = {1} AND f.ENTRY_ID = u.id RETURNING 1)"
            + " UPDATE {0}TRIGGERS t SET NEXT_FIRE_TIME = u.nft, PREV_FIRE_TIME = u.pft, TRIGGER_STATE = u.state"
            + " FROM unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::text[]) AS u(name, grp, nft, pft, state)"
            + " WHERE t.SCHED_NAME = {1} AND t.TRIGGER_NAME = u.name AND t.TRIGGER_GROUP = u.grp";

    private static final String DELETE_FIRED = "DELETE FROM {0}FIRED_TRIGGERS WHERE SCHED_NAME = {1} AND ENTRY_ID = any(?::text[])";

    private static final String FIRED_IN_STATE = "SELECT count(*) FROM {0}FIRED_TRIGGERS WHERE SCHED_NAME = {1}"
            + " AND ENTRY_ID = any(?::text[]) AND STATE = ?";

    /**
     * A trigger row as read under the lock: its state, the trigger built as Quartz builds it (cron
     * triggers only; null for other types, which the caller reads through Quartz) and its job (null
     * when the job row is missing).
     */
    record Stored(TriggerKey key, String state, JobKey jobKey, OperableTrigger cronTrigger, JobDetail job) {
    }

    /** The waiting triggers due by {@code noLaterThan} (not misfired), in Quartz's order, at most {@code limit}. */
    List<Stored> selectDue(Connection conn, long noLaterThan, long noEarlierThan, int limit, ClassLoadHelper loader)
            throws SQLException, IOException, ClassNotFoundException {
        try (PreparedStatement ps = conn.prepareStatement(rtp(DUE))) {
            ps.setString(1, STATE_WAITING);
            ps.setLong(2, noLaterThan);
            ps.setLong(3, noEarlierThan); // bigint parameters: a numeric one would keep the index out
            ps.setInt(4, Math.max(1, limit));
            return read(ps, loader);
        }
    }

    /** The triggers of {@code keys} that still exist, with their current state and job. */
    List<Stored> selectByKeys(Connection conn, List<TriggerKey> keys, ClassLoadHelper loader)
            throws SQLException, IOException, ClassNotFoundException {
        try (PreparedStatement ps = conn.prepareStatement(rtp(BY_KEYS))) {
            bindKeys(conn, ps, 1, keys);
            return read(ps, loader);
        }
    }

    private List<Stored> read(PreparedStatement ps, ClassLoadHelper loader) throws SQLException, IOException, ClassNotFoundException {
        List<Stored> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TriggerKey key = TriggerKey.triggerKey(rs.getString(1), rs.getString(2));
                JobKey jobKey = JobKey.jobKey(rs.getString(5), rs.getString(6));
                out.add(new Stored(key, rs.getString(3), jobKey, "CRON".equals(rs.getString(4)) ? trigger(rs, key, jobKey) : null,
                        rs.getString(18) == null ? null : job(rs, jobKey, loader)));
            }
        }
        return out;
    }

    private OperableTrigger trigger(ResultSet rs, TriggerKey key, JobKey jobKey) throws SQLException, IOException {
        String expression = rs.getString(16);
        if (expression == null) {
            return null;
        }
        CronScheduleBuilder schedule;
        try {
            schedule = CronScheduleBuilder.cronSchedule(expression);
        } catch (RuntimeException e) {
            return null; // an unreadable expression: Quartz's own read reports it for this trigger
        }
        String zone = rs.getString(17);
        if (zone != null) {
            schedule = schedule.inTimeZone(TimeZone.getTimeZone(zone));
        }
        Date end = time(rs, 12);
        TriggerBuilder<org.quartz.CronTrigger> builder = TriggerBuilder.newTrigger().withIdentity(key).forJob(jobKey)
                .withDescription(rs.getString(7)).withPriority(rs.getInt(10)).startAt(new Date(rs.getLong(11))).endAt(end)
                .modifiedByCalendar(rs.getString(13)).withSchedule(schedule);
        Map<String, Object> data = jobData(rs.getBytes(15));
        if (!data.isEmpty()) {
            builder = builder.usingJobData(new JobDataMap(data));
        }
        OperableTrigger trigger = (OperableTrigger) builder.build();
        trigger.setMisfireInstruction(rs.getInt(14));
        trigger.setNextFireTime(time(rs, 8));
        trigger.setPreviousFireTime(time(rs, 9));
        return trigger;
    }

    private JobDetail job(ResultSet rs, JobKey key, ClassLoadHelper loader) throws SQLException, IOException, ClassNotFoundException {
        JobDetailImpl job = new JobDetailImpl();
        job.setKey(key);
        job.setDescription(rs.getString(19));
        job.setJobClass(loader.loadClass(rs.getString(20), Job.class));
        job.setDurability(rs.getBoolean(21));
        job.setRequestsRecovery(rs.getBoolean(22));
        job.setJobDataMap(new JobDataMap(jobData(rs.getBytes(23))));
        return job;
    }

    /**
     * Acquires those of {@code candidates} (fire instance ids set) that are still WAITING: moves them to
     * ACQUIRED and inserts their fired-trigger records as Quartz's insertFiredTrigger writes them
     * (scheduled time = next fire time, fired time = now). Answers the fire instance ids acquired.
     */
    Set<String> acquire(Connection conn, List<OperableTrigger> candidates, Map<JobKey, JobDetail> jobs) throws SQLException {
        int n = candidates.size();
        String[] ids = new String[n];
        Long[] sched = new Long[n];
        String[] jobNames = new String[n];
        String[] jobGroups = new String[n];
        Boolean[] nonConcurrent = new Boolean[n];
        Boolean[] recovery = new Boolean[n];
        Integer[] priorities = new Integer[n];
        for (int i = 0; i < n; i++) {
            OperableTrigger t = candidates.get(i);
            JobDetail job = jobs.get(t.getJobKey());
            ids[i] = t.getFireInstanceId();
            sched[i] = t.getNextFireTime().getTime();
            jobNames[i] = t.getJobKey().getName();
            jobGroups[i] = t.getJobKey().getGroup();
            nonConcurrent[i] = job.isConcurrentExecutionDisallowed();
            recovery[i] = job.requestsRecovery();
            priorities[i] = t.getPriority();
        }
        List<TriggerKey> keys = candidates.stream().map(OperableTrigger::getKey).toList();
        Set<String> acquired = new HashSet<>();
        try (PreparedStatement ps = conn.prepareStatement(rtp(ACQUIRE))) {
            ps.setString(1, STATE_ACQUIRED);
            bindKeys(conn, ps, 2, keys);
            ps.setString(4, STATE_WAITING);
            ps.setString(5, instanceId);
            ps.setLong(6, System.currentTimeMillis());
            ps.setString(7, STATE_ACQUIRED);
            ps.setArray(8, conn.createArrayOf("text", ids));
            bindKeys(conn, ps, 9, keys);
            ps.setArray(11, conn.createArrayOf("bigint", sched));
            ps.setArray(12, conn.createArrayOf("text", jobNames));
            ps.setArray(13, conn.createArrayOf("text", jobGroups));
            ps.setArray(14, conn.createArrayOf("boolean", nonConcurrent));
            ps.setArray(15, conn.createArrayOf("boolean", recovery));
            ps.setArray(16, conn.createArrayOf("integer", priorities));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    acquired.add(rs.getString(1));
                }
            }
        }
        return acquired;
    }

    /**
     * Records the fire of {@code triggers} (already {@code triggered()}): their fired records become
     * {@code EXECUTING} with the time being fired ({@code firedFor}, the next fire time before firing),
     * as Quartz's updateFiredTrigger writes them, and each trigger gets its new next/previous fire time
     * and {@code states}. Cron triggers keep their cron row unchanged when they fire.
     */
    void fired(Connection conn, List<OperableTrigger> triggers, List<Long> firedFor, Map<JobKey, JobDetail> jobs, List<String> states)
            throws SQLException {
        int n = triggers.size();
        String[] ids = new String[n];
        String[] jobNames = new String[n];
        String[] jobGroups = new String[n];
        Boolean[] nonConcurrent = new Boolean[n];
        Boolean[] recovery = new Boolean[n];
        Long[] next = new Long[n];
        Long[] previous = new Long[n];
        for (int i = 0; i < n; i++) {
            OperableTrigger t = triggers.get(i);
            JobDetail job = jobs.get(t.getJobKey());
            ids[i] = t.getFireInstanceId();
            jobNames[i] = t.getJobKey().getName();
            jobGroups[i] = t.getJobKey().getGroup();
            nonConcurrent[i] = job.isConcurrentExecutionDisallowed();
            recovery[i] = job.requestsRecovery();
            next[i] = t.getNextFireTime() == null ? null : t.getNextFireTime().getTime();
            previous[i] = t.getPreviousFireTime() == null ? null : t.getPreviousFireTime().getTime();
        }
        try (PreparedStatement ps = conn.prepareStatement(rtp(FIRED))) {
            ps.setString(1, instanceId);
            ps.setLong(2, System.currentTimeMillis());
            ps.setString(3, STATE_EXECUTING);
            ps.setArray(4, conn.createArrayOf("text", ids));
            ps.setArray(5, conn.createArrayOf("bigint", firedFor.toArray(Long[]::new)));
            ps.setArray(6, conn.createArrayOf("text", jobNames));
            ps.setArray(7, conn.createArrayOf("text", jobGroups));
            ps.setArray(8, conn.createArrayOf("boolean", nonConcurrent));
            ps.setArray(9, conn.createArrayOf("boolean", recovery));
            bindKeys(conn, ps, 10, triggers.stream().map(OperableTrigger::getKey).toList());
            ps.setArray(12, conn.createArrayOf("bigint", next));
            ps.setArray(13, conn.createArrayOf("bigint", previous));
            ps.setArray(14, conn.createArrayOf("text", states.toArray(String[]::new)));
            ps.executeUpdate();
        }
    }

    /** Deletes the fired records {@code entryIds} (finished plain fires). */
    void deleteFiredTriggers(Connection conn, List<String> entryIds) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(rtp(DELETE_FIRED))) {
            ps.setArray(1, conn.createArrayOf("text", entryIds.toArray(String[]::new)));
            ps.executeUpdate();
        }
    }

    /** How many of the fired records {@code entryIds} exist in {@code state} (commit-failure validation). */
    int countFiredInState(Connection conn, List<String> entryIds, String state) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(rtp(FIRED_IN_STATE))) {
            ps.setArray(1, conn.createArrayOf("text", entryIds.toArray(String[]::new)));
            ps.setString(2, state);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void bindKeys(Connection conn, PreparedStatement ps, int index, List<TriggerKey> keys) throws SQLException {
        Array names = conn.createArrayOf("text", keys.stream().map(TriggerKey::getName).toArray(String[]::new));
        Array groups = conn.createArrayOf("text", keys.stream().map(TriggerKey::getGroup).toArray(String[]::new));
        ps.setArray(index, names);
        ps.setArray(index + 1, groups);
    }

    private static Date time(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() || value <= 0 ? null : new Date(value);
    }

    /**
     * A job data column as stored with {@code useProperties=true} (java.util.Properties text; empty
     * or null means no data). quartz.properties sets useProperties, so no serialized objects are read.
     */
    private Map<String, Object> jobData(byte[] bytes) throws IOException {
        Map<String, Object> out = new HashMap<>();
        if (bytes == null || bytes.length == 0) {
            return out;
        }
        if (!canUseProperties()) {
            throw new IOException("Set-based trigger reads need org.quartz.jobStore.useProperties=true");
        }
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(bytes));
        for (String name : p.stringPropertyNames()) {
            out.put(name, p.getProperty(name));
        }
        return out;
    }
}
