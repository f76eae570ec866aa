package io.topograph.platform.mail;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.topograph.platform.persistence.Sql;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Properties;
import java.util.UUID;

/**
 * Sends email through SMTP when {@code SMTP_HOST} is set. Every message is also recorded in
 * {@code outbound_mail}; without SMTP that table is the dev mailbox ({@code /dev/mailbox}) and
 * the log shows each message, so every flow works without a mail server.
 */
@Singleton
public class Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

    private final Sql sql;
    private final String from;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final boolean startTls;

    public Mailer(Sql sql,
                  @Value("${topograph.mail.from}") String from,
                  @Nullable @Value("${topograph.mail.smtp-host:}") String host,
                  @Value("${topograph.mail.smtp-port:587}") int port,
                  @Nullable @Value("${topograph.mail.smtp-username:}") String username,
                  @Nullable @Value("${topograph.mail.smtp-password:}") String password,
                  @Value("${topograph.mail.smtp-starttls:true}") boolean startTls) {
        this.sql = sql;
        this.from = from;
        this.host = host == null ? "" : host.trim();
        this.port = port;
        this.username = username;
        this.password = password;
        this.startTls = startTls;
    }

    public boolean isDevMailbox() {
        return host.isEmpty();
    }

    public void send(String to, String subject, String body) {
        String error = null;
        boolean delivered = false;
        if (isDevMailbox()) {
            LOG.info("Mail (dev mailbox, no SMTP configured) to {}: {}\n{}", to, subject, body);
        } else {
            try {
                deliver(to, subject, body);
                delivered = true;
            } catch (MessagingException e) {
                error = e.getMessage();
                LOG.warn("Could not send mail to {} through {}:{}: {}", to, host, port, e.getMessage());
            }
        }
        record(to, subject, body, delivered, error);
    }

    private void deliver(String to, String subject, String body) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        boolean auth = username != null && !username.isBlank();
        props.put("mail.smtp.auth", String.valueOf(auth));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        if (auth) {
            Transport.send(message, username, password);
        } else {
            Transport.send(message);
        }
    }

    private void record(String to, String subject, String body, boolean delivered, @Nullable String error) {
        sql.update("insert into outbound_mail (id, recipient, subject, body, delivered, error) values (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(), to, subject, body, delivered, error);
    }
}
