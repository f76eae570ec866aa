package io.topograph.users;

import io.topograph.platform.persistence.Sql;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Limits password guessing per account and per client address. Failures are counted in
 * PostgreSQL over a sliding window, so the limit holds across every server node.
 */
@Singleton
public class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_PER_ACCOUNT = 5;
    static final int MAX_PER_ADDRESS = 30;

    private final Sql sql;

    public LoginThrottle(Sql sql) {
        this.sql = sql;
    }

    /** True when this account or this address has failed too often recently. */
    public boolean isBlocked(String email, String ip) {
        String window = WINDOW.toSeconds() + " seconds";
        return sql.count("select count(*) from login_failures where lower(email) = lower(?) and attempted_at > now() - ?::interval",
                email, window) >= MAX_PER_ACCOUNT
                || sql.count("select count(*) from login_failures where ip = ? and attempted_at > now() - ?::interval",
                ip, window) >= MAX_PER_ADDRESS;
    }

    public void recordFailure(String email, String ip) {
        sql.update("insert into login_failures (email, ip) values (?, ?)", email, ip);
        // Keep the table small: old failures no longer count.
        sql.update("delete from login_failures where attempted_at < now() - interval '1 day'");
    }

    public void clear(String email) {
        sql.update("delete from login_failures where lower(email) = lower(?)", email);
    }

    public static long windowMinutes() {
        return WINDOW.toMinutes();
    }
}
