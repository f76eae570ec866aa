package io.topograph.scanner.evidence;

/** The ways of making a service say something about itself. */
public enum ProbeKind {
    /** Connect and listen: the service speaks first (SSH, FTP, SMTP, POP3, IMAP, MySQL, VNC, NATS, telnet). */
    PASSIVE,
    HTTP,
    /** TLS handshake (certificate), then HTTP inside it. */
    HTTPS,
    /** TLS handshake, then listen (IMAPS, POP3S, SMTPS). */
    TLS_PASSIVE,
    /** TLS handshake, then an anonymous LDAP bind (LDAPS). */
    TLS_LDAP,
    REDIS,
    POSTGRES,
    MONGODB,
    MEMCACHED,
    AMQP,
    MQTT,
    LDAP,
    RDP
}
