package io.topograph.platform.scheduling;

import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Quartz's PostgreSQL delegate with the batch acquisition query bounded in SQL. Stock Quartz
 * only caps the rows it reads from the result, so the server still sorts every waiting trigger due
 * by then (all 10,000 when they share one minute) for each batch it hands out, while the node holds
 * the cluster lock. With {@code LIMIT} and the index {@code IDX_QRTZ_T_NFT_ST} (state, next fire
 * time, priority descending: the query's order) the server reads just the batch.
 */
public class ClusterDelegate extends PostgreSQLDelegate {

    private static final String NEXT_TRIGGERS = "SELECT TRIGGER_NAME, TRIGGER_GROUP FROM {0}TRIGGERS"
            + " WHERE SCHED_NAME = {1} AND TRIGGER_STATE = ? AND NEXT_FIRE_TIME <= ?"
            + " AND (MISFIRE_INSTR = -1 OR (MISFIRE_INSTR <> -1 AND NEXT_FIRE_TIME >= ?))"
            + " ORDER BY NEXT_FIRE_TIME ASC, PRIORITY DESC LIMIT ?";

    @Override
    public List<TriggerKey> selectTriggerToAcquire(Connection conn, long noLaterThan, long noEarlierThan, int maxCount)
            throws SQLException {
        int limit = Math.max(1, maxCount);
        List<TriggerKey> keys = new ArrayList<>(limit);
        try (PreparedStatement ps = conn.prepareStatement(rtp(NEXT_TRIGGERS))) {
            ps.setString(1, STATE_WAITING);
            ps.setLong(2, noLaterThan);
            ps.setLong(3, noEarlierThan); // bigint parameters: a numeric one would keep the index out
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(TriggerKey.triggerKey(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return keys;
    }
}
