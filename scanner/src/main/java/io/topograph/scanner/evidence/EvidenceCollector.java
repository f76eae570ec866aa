package io.topograph.scanner.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Collects evidence from one open TCP port with short blocking exchanges: listen for a greeting, or
 * send the opening of the protocol expected there (HTTP GET, Redis PING/INFO, PostgreSQL startup,
 * MongoDB hello, memcached version, AMQP and MQTT connects, LDAP anonymous bind, RDP negotiation), and
 * for TLS record the certificate. Trust-all TLS is used to observe certificates only; nothing sent
 * carries credentials. Printer raw ports (9100-9107) are only listened to, never written to.
 */
public final class EvidenceCollector {

    public static final String USER_AGENT = "Topograph-Scanner/0.1";
    private static final int MAX_READ = 64 * 1024;

    private final int connectTimeoutMs;
    private final int readTimeoutMs;
    private final int listenMs;
    /** Built on first use: setting up TLS costs a few hundred milliseconds that scans without TLS ports never pay. */
    private volatile SSLSocketFactory tlsFactory;

    public EvidenceCollector(int connectTimeoutMs, int readTimeoutMs, int listenMs) {
        this.connectTimeoutMs = connectTimeoutMs;
        this.readTimeoutMs = readTimeoutMs;
        this.listenMs = listenMs;
    }

    private SSLSocketFactory tls() {
        SSLSocketFactory f = tlsFactory;
        if (f == null) {
            synchronized (this) {
                f = tlsFactory;
                if (f == null) {
                    f = TlsObservation.trustAllFactory();
                    tlsFactory = f;
                }
            }
        }
        return f;
    }

    /**
     * Probes tried on a port where nothing else got an answer (cheap binary openings). PostgreSQL comes
     * first: it drops a connection whose first bytes are not a startup packet without a word.
     */
    static final List<ProbeKind> SILENT_FALLBACKS = List.of(ProbeKind.POSTGRES, ProbeKind.MQTT, ProbeKind.LDAP, ProbeKind.RDP);

    /**
     * Tries the port's probes in order and returns the first useful evidence (or none). When a service
     * answers the HTTP probe with something that is not HTTP, the reply often says what it is (a Redis
     * "-ERR", a memcached "ERROR", an AMQP header): that protocol's own probe is tried next. When nothing
     * answers at all, a few binary openings (PostgreSQL, MQTT, LDAP, RDP) are tried last.
     */
    public PortEvidence collect(InetAddress address, int port) {
        List<ProbeKind> order = isPrinterPort(port) ? List.of(ProbeKind.PASSIVE) : PortHints.order(port);
        java.util.Set<ProbeKind> tried = java.util.EnumSet.noneOf(ProbeKind.class);
        long deadline = System.nanoTime() + budgetMs() * 1_000_000L;
        TlsInfo tlsSeen = null;
        boolean httpSilent = false;
        for (ProbeKind kind : order) {
            if (System.nanoTime() > deadline) {
                break;
            }
            if (kind == ProbeKind.PASSIVE && httpSilent) {
                continue; // a service that speaks first would already have spoken while we waited for HTTP
            }
            if (kind == ProbeKind.HTTPS && httpSilent) {
                continue; // TLS servers answer plain text with an alert or a close, never with silence
            }
            tried.add(kind);
            PortEvidence e = attempt(kind, address, port);
            if (e == SILENT) {
                httpSilent |= kind == ProbeKind.HTTP;
                continue;
            }
            if (e != null && (e.raw() != null || e.http() != null)) {
                if (e.http() == null && e.probe().endsWith("-reply")) {
                    ProbeKind follow = followUp(e.raw());
                    if (follow != null && tried.add(follow)) {
                        PortEvidence better = attempt(follow, address, port);
                        if (better != null && better.raw() != null) {
                            e = better;
                        }
                    }
                }
                return tlsSeen != null && e.tls() == null ? e.withTls(tlsSeen) : e;
            }
            if (e != null && e.tls() != null) {
                tlsSeen = e.tls();
            }
        }
        if (tlsSeen == null && !isPrinterPort(port) && !PortHints.isWeb(port)) {
            for (ProbeKind kind : SILENT_FALLBACKS) {
                if (System.nanoTime() > deadline) {
                    break;
                }
                if (tried.add(kind)) {
                    PortEvidence e = attempt(kind, address, port);
                    if (e != null && e.raw() != null) {
                        return e;
                    }
                }
            }
        }
        return tlsSeen != null ? new PortEvidence(port, "tls", null, null, null, tlsSeen) : PortEvidence.none(port);
    }

    /**
     * Fetches known paths (from the catalog's {@code httpGet} rules) from a web service whose root page
     * did not say what it is: one GET each, no redirects, stopping at the first that gets no answer.
     */
    public PortEvidence withPages(InetAddress address, int port, PortEvidence root, List<String> paths) {
        if (root.http() == null || paths.isEmpty()) {
            return root;
        }
        boolean tls = "https".equals(root.probe());
        Map<String, HttpInfo> pages = new java.util.LinkedHashMap<>();
        for (String path : paths.subList(0, Math.min(paths.size(), MAX_PAGES))) {
            try {
                PortEvidence e = httpGet(address, port, tls, path);
                if (e != null && e.http() != null) {
                    pages.put(path, e.http());
                }
            } catch (IOException e) {
                break; // the service stopped answering: leave it alone
            }
        }
        return pages.isEmpty() ? root : root.withPages(pages);
    }

    /** Known paths fetched at most per port. */
    public static final int MAX_PAGES = 24;

    /** Time allowed for one port's probes before giving up (a new probe is not started after it). */
    private long budgetMs() {
        return Math.max(2000L, 3L * readTimeoutMs + listenMs);
    }

    /** Marks a probe whose connection stayed open but silent for the whole read timeout. */
    private static final PortEvidence SILENT = new PortEvidence(0, "silent", null, null, null, null);

    private PortEvidence attempt(ProbeKind kind, InetAddress address, int port) {
        try {
            return run(kind, address, port);
        } catch (SocketTimeoutException e) {
            return SILENT;
        } catch (IOException | RuntimeException e) {
            return null; // this probe got nothing
        }
    }

    /** Which protocol a non-HTTP reply to an HTTP request points at, if any. */
    static ProbeKind followUp(String reply) {
        if (reply == null) {
            return null;
        }
        if (reply.startsWith("-ERR") || reply.startsWith("-DENIED") || reply.startsWith("-NOAUTH")) {
            return ProbeKind.REDIS;
        }
        if (reply.startsWith("ERROR\r\n") || reply.startsWith("CLIENT_ERROR")) {
            return ProbeKind.MEMCACHED;
        }
        if (reply.startsWith("AMQP")) {
            return ProbeKind.AMQP;
        }
        return null;
    }

    private static boolean isPrinterPort(int port) {
        return port >= 9100 && port <= 9107;
    }

    PortEvidence run(ProbeKind kind, InetAddress address, int port) throws IOException {
        return switch (kind) {
            case PASSIVE -> passive(address, port);
            case HTTP -> http(address, port);
            case HTTPS -> https(address, port);
            case TLS_PASSIVE -> tlsPassive(address, port);
            case TLS_LDAP -> tlsExchange(address, port, "ldaps", ProtocolOpenings.LDAP_ANONYMOUS_BIND);
            case REDIS -> exchange(address, port, "redis", "PING\r\nINFO server\r\n".getBytes(StandardCharsets.US_ASCII));
            case POSTGRES -> exchange(address, port, "postgresql", ProtocolOpenings.postgresStartup());
            case MONGODB -> exchange(address, port, "mongodb", ProtocolOpenings.mongoHello());
            case MEMCACHED -> exchange(address, port, "memcached", "version\r\n".getBytes(StandardCharsets.US_ASCII));
            case AMQP -> exchange(address, port, "amqp", new byte[] {'A', 'M', 'Q', 'P', 0, 0, 9, 1});
            case MQTT -> exchange(address, port, "mqtt", ProtocolOpenings.mqttConnect());
            case LDAP -> exchange(address, port, "ldap", ProtocolOpenings.LDAP_ANONYMOUS_BIND);
            case RDP -> exchange(address, port, "rdp", ProtocolOpenings.RDP_NEGOTIATION);
        };
    }

    private Socket connect(InetAddress address, int port) throws IOException {
        Socket s = new Socket();
        try {
            s.setSoLinger(true, 0);
            s.connect(new InetSocketAddress(address, port), connectTimeoutMs);
            s.setTcpNoDelay(true);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private PortEvidence passive(InetAddress address, int port) throws IOException {
        int wait = PortHints.knownServerFirst(port) ? Math.max(listenMs, readTimeoutMs) : listenMs;
        try (Socket s = connect(address, port)) {
            byte[] data = readSome(s, wait, 200, 4096);
            return data.length == 0 ? null : evidence(port, "banner", data);
        }
    }

    private PortEvidence exchange(InetAddress address, int port, String probe, byte[] request) throws IOException {
        try (Socket s = connect(address, port)) {
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            byte[] data = readSome(s, readTimeoutMs, 200, 8192);
            return data.length == 0 ? null : evidence(port, probe, data);
        }
    }

    private PortEvidence http(InetAddress address, int port) throws IOException {
        return httpFollowing(address, port, false);
    }

    private PortEvidence https(InetAddress address, int port) throws IOException {
        return httpFollowing(address, port, true);
    }

    /**
     * GET / and follow up to three redirects that stay on the same address and port (many web UIs
     * answer / with a redirect to their login page, where the title is).
     */
    private PortEvidence httpFollowing(InetAddress address, int port, boolean tls) throws IOException {
        String path = "/";
        PortEvidence last = null;
        for (int hop = 0; hop < 4; hop++) {
            PortEvidence e;
            try {
                e = httpGet(address, port, tls, path);
            } catch (IOException ex) {
                if (last != null) {
                    return last;
                }
                throw ex;
            }
            if (e == null) {
                return last;
            }
            last = e;
            HttpInfo h = e.http();
            if (h == null || h.status() < 300 || h.status() > 399 || h.header("location") == null) {
                return e;
            }
            String next = sameOriginPath(h.header("location"), address, port);
            if (next == null || next.equals(path)) {
                return e;
            }
            path = next;
        }
        return last;
    }

    static String sameOriginPath(String location, InetAddress address, int port) {
        String loc = location.trim();
        if (loc.isEmpty() || !loc.matches("[\\x21-\\x7e]+")) {
            return null; // nothing to follow, or characters that do not belong in a request line
        }
        if (loc.startsWith("/") && !loc.startsWith("//")) {
            return loc;
        }
        java.util.regex.Matcher m = Pattern.compile("^https?://([^/]+)(/.*)?$", Pattern.CASE_INSENSITIVE).matcher(loc);
        if (!m.matches()) {
            return loc.isEmpty() || loc.contains(":") ? null : "/" + loc;
        }
        String authority = m.group(1);
        String host = address.getHostAddress();
        String expected = (host.contains(":") ? "[" + host + "]" : host);
        if (authority.equalsIgnoreCase(expected + ":" + port) || authority.equalsIgnoreCase(expected)) {
            return m.group(2) == null ? "/" : m.group(2);
        }
        return null;
    }

    private PortEvidence httpGet(InetAddress address, int port, boolean tls, String path) throws IOException {
        try (Socket plain = connect(address, port)) {
            if (!tls) {
                return httpExchange(plain, address, port, path, "http", null);
            }
            SSLSocket s = handshake(plain, address, port);
            TlsInfo info = TlsObservation.tlsInfo(s);
            try {
                PortEvidence e = httpExchange(s, address, port, path, "https", info);
                return e != null ? e : new PortEvidence(port, "tls", null, null, null, info);
            } catch (IOException e) {
                return new PortEvidence(port, "tls", null, null, null, info);
            }
        }
    }

    private PortEvidence tlsPassive(InetAddress address, int port) throws IOException {
        try (Socket plain = connect(address, port)) {
            SSLSocket tls = handshake(plain, address, port);
            TlsInfo info = TlsObservation.tlsInfo(tls);
            byte[] data = readSome(tls, Math.max(listenMs, readTimeoutMs), 200, 4096);
            return data.length == 0 ? new PortEvidence(port, "tls", null, null, null, info) : evidence(port, "tls-banner", data).withTls(info);
        }
    }

    private PortEvidence tlsExchange(InetAddress address, int port, String probe, byte[] request) throws IOException {
        try (Socket plain = connect(address, port)) {
            SSLSocket tls = handshake(plain, address, port);
            TlsInfo info = TlsObservation.tlsInfo(tls);
            tls.getOutputStream().write(request);
            tls.getOutputStream().flush();
            byte[] data = readSome(tls, readTimeoutMs, 200, 8192);
            return data.length == 0 ? new PortEvidence(port, "tls", null, null, null, info) : evidence(port, probe, data).withTls(info);
        }
    }

    private SSLSocket handshake(Socket plain, InetAddress address, int port) throws IOException {
        SSLSocket tls = (SSLSocket) tls().createSocket(plain, address.getHostAddress(), port, false);
        tls.setUseClientMode(true);
        tls.setSoTimeout(readTimeoutMs);
        tls.startHandshake();
        return tls;
    }

    private PortEvidence httpExchange(Socket s, InetAddress address, int port, String path, String probe, TlsInfo tls) throws IOException {
        String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nUser-Agent: " + USER_AGENT
                + "\r\nAccept: text/html,application/json,*/*\r\nConnection: close\r\n\r\n";
        s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        byte[] data = readHttp(s);
        if (data.length == 0) {
            return null;
        }
        return HttpResponses.parse(data, path, port, probe, tls);
    }

    private byte[] readHttp(Socket s) throws IOException {
        long start = System.nanoTime();
        long deadline = start + (readTimeoutMs + 2000L) * 1_000_000L;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] chunk = new byte[8192];
        while (buf.size() < MAX_READ) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (buf.size() == 0) {
                left = Math.min(left, readTimeoutMs - (System.nanoTime() - start) / 1_000_000);
                if (left <= 0) {
                    throw new SocketTimeoutException("no answer");
                }
            }
            if (left <= 0) {
                break;
            }
            s.setSoTimeout((int) Math.min(left, readTimeoutMs));
            int n;
            try {
                n = in.read(chunk);
            } catch (SocketTimeoutException e) {
                if (buf.size() == 0) {
                    throw e; // connected, but not a byte in answer
                }
                break;
            } catch (IOException e) {
                if (buf.size() > 0) {
                    break; // a reset after the answer: keep what arrived
                }
                throw e;
            }
            if (n < 0) {
                break;
            }
            buf.write(chunk, 0, n);
            if (HttpResponses.complete(buf)) {
                break;
            }
        }
        return buf.toByteArray();
    }

    /**
     * Reads until {@code max} bytes, end of stream, {@code idleMs} of silence after the first bytes,
     * or {@code firstMs} without any byte.
     */
    private static byte[] readSome(Socket s, int firstMs, int idleMs, int max) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] chunk = new byte[4096];
        long deadline = System.nanoTime() + firstMs * 1_000_000L;
        while (buf.size() < max) {
            int timeout;
            if (buf.size() == 0) {
                timeout = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                if (deadline - System.nanoTime() <= 0) {
                    break;
                }
            } else {
                timeout = idleMs;
            }
            s.setSoTimeout(timeout);
            int n;
            try {
                n = in.read(chunk, 0, Math.min(chunk.length, max - buf.size()));
            } catch (SocketTimeoutException e) {
                break;
            } catch (IOException e) {
                if (buf.size() > 0) {
                    break;
                }
                throw e;
            }
            if (n < 0) {
                break;
            }
            buf.write(chunk, 0, n);
        }
        return buf.toByteArray();
    }

    private static PortEvidence evidence(int port, String probe, byte[] data) {
        String raw = Bytes.latin1(data, data.length);
        return new PortEvidence(port, probe, raw, Bytes.printable(raw, 512), null, null);
    }

}
