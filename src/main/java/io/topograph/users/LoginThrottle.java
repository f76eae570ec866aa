package io.topograph.users;

import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Limits password guessing per account and per client address. Failures are counted in
 * PostgreSQL over a sliding window, so the limit holds across every server node.
 */
@Singleton
// Plain JDBC on the contextual connection: joins the caller's transaction when there is one.
@io.micronaut.transaction.annotation.Transactional
public class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_PER_ACCOUNT = 5;
    static final int MAX_PER_ADDRESS = 30;

    private final DataSource dataSource;

    public LoginThrottle(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when this account or this address has failed too often recently. */
    public boolean isBlocked(String email, String ip) {
        return count("select count(*) from login_failures where lower(email) = lower(?) and attempted_at > now() - ?::interval", email) >= MAX_PER_ACCOUNT
                || count("select count(*) from login_failures where ip = ? and attempted_at > now() - ?::interval", ip) >= MAX_PER_ADDRESS;
    }

    public void recordFailure(String email, String ip) {
        exec("insert into login_failures (email, ip) values (?, ?)", email, ip);
        // Keep the table small: old failures no longer count.
        exec("delete from login_failures where attempted_at < now() - interval '1 day'");
    }

    public void clear(String email) {
        exec("delete from login_failures where lower(email) = lower(?)", email);
    }

    public static long windowMinutes() {
        return WINDOW.toMinutes();
    }

    private long count(String sql, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            ps.setString(2, WINDOW.toSeconds() + " seconds");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void exec(String sql, String... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
