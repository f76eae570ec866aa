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
import io.topograph.platform.persistence.Sql;
import io.topograph.platform.web.NotFoundException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;

/**
 * {@code /dev/mailbox}: the last 50 messages, for trying flows without a mail server. It exists
 * only while no SMTP server is configured and only for requests from this machine (loopback),
 * since it shows password-reset links.
 */
@Controller(value = "/dev/mailbox", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DevMailboxController {

    public static final String VIEW = "mail/mailbox";

    private final Mailer mailer;
    private final Sql sql;
    private final HttpClientAddressResolver addresses;

    public DevMailboxController(Mailer mailer, Sql sql, HttpClientAddressResolver addresses) {
        this.mailer = mailer;
        this.sql = sql;
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
        List<Mail> messages = sql.list("select recipient, subject, body, created_at from outbound_mail order by created_at desc limit 50",
                rs -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
        return new ModelAndView<>(VIEW, new MailboxPage(messages));
    }

    static boolean isLoopback(String address) {
        // Only IP literals: a host name here must never trigger a DNS lookup.
        if (address == null || !address.matches("[0-9a-fA-F:.%]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
