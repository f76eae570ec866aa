package io.topograph.scanner.daemon;

import io.topograph.scanner.target.TargetException;
import io.topograph.scanner.target.TargetParser;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How a daemon is configured, whatever the source (command line, environment, file, or the server's
 * embedded daemon). {@code server} and {@code enrollmentToken} are only needed until the daemon is
 * enrolled (the state file then holds the server and the credential).
 *
 * @param server               the Topograph server's base URL (http or https), or null
 * @param enrollmentToken      a {@code tge_…} token to enroll with when the state dir holds no credential, or null
 * @param stateDir             where {@code daemon.json} is kept
 * @param name                 the daemon's name shown in Topograph (null: the server uses the hostname)
 * @param defaultTargets       what a run without targets scans (default: the loopback host)
 * @param maxRate              the operator's ceiling on new connects per second (null: the run's own rate)
 * @param maxConcurrency       the operator's ceiling on connects in flight (null: the scanner's default)
 * @param maxHeartbeatInterval the longest wait between heartbeats (null: as the server says, usually 30 s)
 * @param requestTimeout       how long one HTTP request may take
 * @param reverseDns           whether scans look up host names (through the system resolver)
 * @param dockerSocket         the Docker API socket whose containers are reported with the daemon's own host
 *                             (null: turned off; a socket that is not there is skipped)
 */
public record DaemonConfig(URI server, String enrollmentToken, Path stateDir, String name, String defaultTargets,
                           Integer maxRate, Integer maxConcurrency, Duration maxHeartbeatInterval, Duration requestTimeout,
                           boolean reverseDns, Path dockerSocket) {

    public static final String DEFAULT_TARGETS = "127.0.0.1";
    public static final Path SYSTEM_STATE_DIR = Path.of("/var/lib/topograph-daemon");
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** The keys {@link #fromMap} accepts. */
    public static final Set<String> KEYS = Set.of("server", "enrollmentToken", "stateDir", "name", "defaultTargets", "rate",
            "concurrency", "heartbeatSeconds", "reverseDns", "dockerSocket");
    public static final Path DEFAULT_DOCKER_SOCKET = Path.of("/var/run/docker.sock");

    public DaemonConfig {
        if (stateDir == null) {
            throw new IllegalArgumentException("no state directory");
        }
        defaultTargets = defaultTargets == null || defaultTargets.isBlank() ? DEFAULT_TARGETS : defaultTargets.trim();
        try {
            new TargetParser().parse(defaultTargets);
        } catch (TargetException e) {
            throw new IllegalArgumentException("default targets: " + e.getMessage());
        }
        enrollmentToken = enrollmentToken == null || enrollmentToken.isBlank() ? null : enrollmentToken.trim();
        name = name == null || name.isBlank() ? null : name.trim();
        if (maxRate != null && (maxRate < 1 || maxRate > 1_000_000)) {
            throw new IllegalArgumentException("rate must be between 1 and 1000000, not " + maxRate);
        }
        if (maxConcurrency != null && (maxConcurrency < 1 || maxConcurrency > 16_384)) {
            throw new IllegalArgumentException("concurrency must be between 1 and 16384, not " + maxConcurrency);
        }
        if (maxHeartbeatInterval != null && (maxHeartbeatInterval.isNegative() || maxHeartbeatInterval.isZero())) {
            throw new IllegalArgumentException("the heartbeat interval must be positive");
        }
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
    }

    /** Without a Docker socket setting: the default socket. */
    public DaemonConfig(URI server, String enrollmentToken, Path stateDir, String name, String defaultTargets,
                        Integer maxRate, Integer maxConcurrency, Duration maxHeartbeatInterval, Duration requestTimeout,
                        boolean reverseDns) {
        this(server, enrollmentToken, stateDir, name, defaultTargets, maxRate, maxConcurrency, maxHeartbeatInterval, requestTimeout,
                reverseDns, DEFAULT_DOCKER_SOCKET);
    }

    /** The Docker socket setting: blank is the default socket, {@code none} turns the Docker inventory off. */
    public static Path dockerSocket(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_DOCKER_SOCKET;
        }
        return text.trim().equalsIgnoreCase("none") ? null : Path.of(text.trim());
    }

    public DaemonConfig withDockerSocket(Path socket) {
        return new DaemonConfig(server, enrollmentToken, stateDir, name, defaultTargets, maxRate, maxConcurrency, maxHeartbeatInterval,
                requestTimeout, reverseDns, socket);
    }

    /** A config with only the essentials; the rest at their defaults. */
    public static DaemonConfig of(URI server, String enrollmentToken, Path stateDir) {
        return new DaemonConfig(server, enrollmentToken, stateDir, null, null, null, null, null, null, true);
    }

    public DaemonConfig withMaxHeartbeatInterval(Duration d) {
        return new DaemonConfig(server, enrollmentToken, stateDir, name, defaultTargets, maxRate, maxConcurrency, d, requestTimeout, reverseDns, dockerSocket);
    }

    public DaemonConfig withName(String n) {
        return new DaemonConfig(server, enrollmentToken, stateDir, n, defaultTargets, maxRate, maxConcurrency, maxHeartbeatInterval, requestTimeout, reverseDns, dockerSocket);
    }

    public DaemonConfig withReverseDns(boolean on) {
        return new DaemonConfig(server, enrollmentToken, stateDir, name, defaultTargets, maxRate, maxConcurrency, maxHeartbeatInterval, requestTimeout, on, dockerSocket);
    }

    public DaemonConfig withMaxRate(Integer r) {
        return new DaemonConfig(server, enrollmentToken, stateDir, name, defaultTargets, r, maxConcurrency, maxHeartbeatInterval, requestTimeout, reverseDns, dockerSocket);
    }

    public DaemonConfig withDefaultTargets(String t) {
        return new DaemonConfig(server, enrollmentToken, stateDir, name, t, maxRate, maxConcurrency, maxHeartbeatInterval, requestTimeout, reverseDns, dockerSocket);
    }

    /**
     * From string settings (the embedded daemon's map): keys {@link #KEYS}; {@code stateDir} is required
     * there, {@code heartbeatSeconds} is a ceiling on the server's interval (decimals allowed), {@code reverseDns}
     * is true or false (default true).
     */
    public static DaemonConfig fromMap(Map<String, String> settings) {
        Map<String, String> s = new LinkedHashMap<>(settings);
        for (String key : s.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown daemon setting \"" + key + "\" (known: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
            }
        }
        String dir = s.get("stateDir");
        if (dir == null || dir.isBlank()) {
            throw new IllegalArgumentException("stateDir is required");
        }
        Duration heartbeat = null;
        if (s.get("heartbeatSeconds") != null) {
            double seconds = number("heartbeatSeconds", s.get("heartbeatSeconds"));
            if (seconds <= 0) {
                throw new IllegalArgumentException("heartbeatSeconds must be positive");
            }
            heartbeat = Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
        }
        return new DaemonConfig(s.get("server") == null || s.get("server").isBlank() ? null : parseServer(s.get("server")),
                s.get("enrollmentToken"), Path.of(dir), s.get("name"), s.get("defaultTargets"),
                integer("rate", s.get("rate")), integer("concurrency", s.get("concurrency")), heartbeat, null,
                bool("reverseDns", s.getOrDefault("reverseDns", "true")), dockerSocket(s.get("dockerSocket")));
    }

    private static Integer integer(String key, String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not \"" + v + "\"");
        }
    }

    private static boolean bool(String key, String v) {
        String t = v.trim().toLowerCase(java.util.Locale.ROOT);
        if (!t.equals("true") && !t.equals("false")) {
            throw new IllegalArgumentException(key + " must be true or false, not \"" + v + "\"");
        }
        return t.equals("true");
    }

    private static double number(String key, String v) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not \"" + v + "\"");
        }
    }

    /** A server base URL: http or https, with a host, no query or fragment. */
    public static URI parseServer(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("server \"" + text + "\" is not a URL: " + e.getReason());
        }
        if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("server \"" + text + "\" must be an http:// or https:// URL with a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("server \"" + text + "\" must not have user info, a query or a fragment");
        }
        return uri;
    }

    /**
     * The default state directory: {@code $TOPOGRAPH_STATE_DIR}, else {@code /var/lib/topograph-daemon}
     * when it is (or can be created) writable, else {@code ~/.local/state/topograph-daemon}.
     */
    public static Path defaultStateDir(Map<String, String> env) {
        String fromEnv = env.get("TOPOGRAPH_STATE_DIR");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        Path system = SYSTEM_STATE_DIR;
        if (Files.isDirectory(system) ? Files.isWritable(system) : Files.isWritable(system.getParent())) {
            return system;
        }
        return Path.of(System.getProperty("user.home"), ".local", "state", "topograph-daemon");
    }
}
