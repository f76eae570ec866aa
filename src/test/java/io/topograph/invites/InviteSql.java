package io.topograph.invites;

import io.micronaut.transaction.TransactionDefinition;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Direct SQL for tests: what no route offers (moving time forward) and what must be checked
 * underneath the app. Each call commits on its own (not in the test's rolled-back transaction),
 * so the running server sees the change.
 */
@Singleton
@io.micronaut.transaction.annotation.Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
public class InviteSql {

    private final DataSource dataSource;

    public InviteSql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Makes an invite look eight days old. */
    public void expire(UUID inviteId) {
        update("update invites set created_at = now() - interval '8 days', expires_at = now() - interval '1 day' where id = ?", inviteId);
    }

    public long count(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Invites of any state addressed to this email. */
    public long invitesTo(String email) {
        return count("select count(*) from invites where lower(email) = lower(?)", email);
    }

    public long usersWithEmail(String email) {
        return count("select count(*) from users where lower(email) = lower(?)", email);
    }

    /** The newest invite email sent to this address, or null. */
    public String lastInviteMail(String recipient) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select body from outbound_mail where lower(recipient) = lower(?) and body like '%/invites/%' order by created_at desc limit 1")) {
            ps.setString(1, recipient);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The invite link in the newest email to this address. */
    public String lastInviteUrl(String recipient) {
        String body = lastInviteMail(recipient);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("https?://\\S+/invites/[A-Za-z0-9_-]+").matcher(body == null ? "" : body);
        if (!m.find()) {
            throw new AssertionError("No invite link in the last invite mail to " + recipient + ": " + body);
        }
        return m.group();
    }

    public void execute(String sql, Object... args) {
        update(sql, args);
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
