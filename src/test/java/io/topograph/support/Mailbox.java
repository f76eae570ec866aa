package io.topograph.support;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the app "sent" from the outbound_mail table (the dev mailbox). */
@Singleton
@Transactional
public class Mailbox {

    private final DataSource dataSource;

    public Mailbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The newest message to {@code recipient}, or null. */
    public String latestBody(String recipient) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select body from outbound_mail where lower(recipient) = lower(?) order by created_at desc limit 1")) {
            ps.setString(1, recipient);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path and query of the first link in the newest message to {@code recipient} that contains {@code pathPart}. */
    public String latestLink(String recipient, String pathPart) {
        String body = latestBody(recipient);
        if (body == null) {
            return null;
        }
        Matcher m = Pattern.compile("https?://[^/\\s]+(\\S*?" + Pattern.quote(pathPart) + "\\S*)").matcher(body);
        return m.find() ? m.group(1) : null;
    }
}
