package io.topograph.platform.mail;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.topograph.platform.web.NotFoundException;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /dev/mailbox}: the last 50 messages, for trying flows without a mail server. It exists
 * only while no SMTP server is configured and only for requests from this machine (loopback),
 * since it shows password-reset links.
 */
@Controller(value = "/dev/mailbox", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
// Plain JDBC on the contextual connection: joins the caller's transaction when there is one.
@io.micronaut.transaction.annotation.Transactional
public class DevMailboxController {

    public static final String VIEW = "mail/mailbox";

    private final Mailer mailer;
    private final DataSource dataSource;
    private final HttpClientAddressResolver addresses;

    public DevMailboxController(Mailer mailer, DataSource dataSource, HttpClientAddressResolver addresses) {
        this.mailer = mailer;
        this.dataSource = dataSource;
        this.addresses = addresses;
    }

    public record Mail(String recipient, String subject, String body, Instant createdAt) {
    }

    public record MailboxPage(List<Mail> messages) {
    }

    @Get
    public ModelAndView<MailboxPage> mailbox(HttpRequest<?> request) {
        if (!mailer.isDevMailbox() || !isLoopback(addresses.resolve(request))) {
            throw new NotFoundException("Page not found");
        }
        List<Mail> messages = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select recipient, subject, body, created_at from outbound_mail order by created_at desc limit 50");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                messages.add(new Mail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new ModelAndView<>(VIEW, new MailboxPage(messages));
    }

    static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
