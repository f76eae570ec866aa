package io.topograph.daemons.integrated;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.topograph.discovery.RunOptions;
import io.topograph.organizations.OrganizationCreated;
import io.topograph.platform.daemonjar.DaemonLibrary;
import io.topograph.platform.persistence.Sql;
import io.topograph.platform.security.SecureTokens;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The daemon a self-hosted server runs in-process, so a newcomer sees real results a minute
 * after sign-up without installing anything. It runs the bundled daemon jar in an isolated class
 * loader and talks to this server over HTTP through the ordinary daemon protocol (enrollment
 * token, credential, claim, batches): no shortcut that the remote daemons would not take.
 *
 * <p>Pairing: the first time, with the first network of the first organization (at startup if
 * one exists, else right after the first sign-up), followed by a first discovery of its default
 * target, the loopback host. Once paired, a user who deletes it is respected: it stays unpaired
 * until someone pairs it again from a network's Daemons page. Off with
 * {@code TOPOGRAPH_INTEGRATED_DAEMON=false}; never in hosted mode.
 */
@Singleton
@Requires(property = "topograph.integrated-daemon.enabled", value = "true", defaultValue = "true")
@Requires(property = "topograph.hosted", notEquals = "true")
public class IntegratedDaemon {

    private static final Logger LOG = LoggerFactory.getLogger(IntegratedDaemon.class);
    static final String PAIRED_ONCE = "integrated_daemon.paired_once";
    static final String NAME = "Integrated daemon (this server)";
    private static final String ENTRY = "io.topograph.scanner.api.EmbeddedDaemon";

    /** What the UI shows about the integrated daemon. */
    public enum Status { RUNNING, UNPAIRED, STOPPED }

    private final Sql sql;
    private final DaemonLibrary library;
    private final Path stateDir;
    private final String targets;
    private final String firstScanPorts;
    private final boolean reverseDns;
    // One thread: pairing, starting and stopping never overlap.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "integrated-daemon-control");
        t.setDaemon(true);
        return t;
    });
    private volatile int port;
    private volatile AutoCloseable running;

    public IntegratedDaemon(Sql sql, DaemonLibrary library,
                            @Value("${topograph.data-dir}") String dataDir,
                            @Value("${topograph.integrated-daemon.targets:127.0.0.1}") String targets,
                            @Value("${topograph.integrated-daemon.first-scan-ports:top1000}") String firstScanPorts,
                            @Value("${topograph.integrated-daemon.reverse-dns:true}") boolean reverseDns) {
        this.sql = sql;
        this.library = library;
        this.stateDir = Path.of(dataDir, "integrated-daemon");
        this.targets = targets;
        this.firstScanPorts = firstScanPorts;
        this.reverseDns = reverseDns;
    }

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        port = event.getSource().getPort();
        worker.submit(() -> guarded(this::startOrPairFirstOrganization));
    }

    /** The first sign-up of a fresh installation pairs it with the new organization's first network. */
    @TransactionalEventListener
    void onOrganizationCreated(OrganizationCreated event) {
        worker.submit(() -> guarded(() -> {
            if (running == null && !pairedOnce()) {
                pair(event.organizationId(), event.firstNetworkId());
            }
        }));
    }

    /** Pairs (again) with a network chosen by a user, replacing any previous pairing. */
    public void pairWith(UUID organizationId, UUID networkId) {
        try {
            worker.submit(() -> guarded(() -> pair(organizationId, networkId))).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not pair the integrated daemon", e);
        }
    }

    public Status status() {
        if (running != null) {
            return Status.RUNNING;
        }
        return currentRow().isPresent() ? Status.STOPPED : Status.UNPAIRED;
    }

    /** Notices that a user deleted it (its credential then answers 401) and stops it. */
    @Scheduled(fixedDelay = "${topograph.integrated-daemon.watch-interval:30s}", initialDelay = "${topograph.integrated-daemon.watch-interval:30s}")
    void watch() {
        worker.submit(() -> guarded(() -> {
            if (running != null && currentRow().isEmpty() && !enrollmentPending()) {
                LOG.info("The integrated daemon was deleted; it stays off until a user pairs it again from a network's Daemons page.");
                stop();
                deleteState();
            }
        }));
    }

    private void startOrPairFirstOrganization() throws Exception {
        Optional<UUID[]> row = currentRow();
        if (row.isPresent() && Files.exists(stateDir.resolve("daemon.json"))) {
            start(null);
            return;
        }
        if (row.isPresent()) {
            // Its state is gone (a new data directory): enroll afresh into the same network.
            pair(row.get()[0], row.get()[1]);
            return;
        }
        if (pairedOnce()) {
            LOG.info("The integrated daemon is not paired (it was deleted); pair it from a network's Daemons page.");
            return;
        }
        Optional<UUID[]> first = sql.one("select n.organization_id, n.id from networks n join organizations o on o.id = n.organization_id"
                + " order by o.created_at, n.created_at limit 1", rs -> new UUID[]{rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)});
        if (first.isPresent()) {
            pair(first.get()[0], first.get()[1]);
        } else {
            LOG.info("The integrated daemon will pair with the first organization created on this server.");
        }
    }

    private void pair(UUID organizationId, UUID networkId) throws Exception {
        stop();
        deleteState();
        sql.update("delete from daemons where integrated");
        String token = "tge_" + SecureTokens.random();
        sql.update("insert into daemon_enrollment_tokens (id, organization_id, network_id, token_hash, token_prefix, max_uses,"
                        + " expires_at, integrated) values (?, ?, ?, ?, ?, 1, now() + interval '1 hour', true)",
                UUID.randomUUID(), organizationId, networkId, SecureTokens.sha256(token), token.substring(0, 12));
        sql.update("insert into server_settings (key, value) values (?, 'true') on conflict (key) do update set value = 'true', updated_at = now()",
                PAIRED_ONCE);
        queueFirstDiscovery(organizationId, networkId);
        start(token);
        LOG.info("The integrated daemon is pairing with network {} and starts a first discovery of {}.", networkId, targets);
    }

    private void queueFirstDiscovery(UUID organizationId, UUID networkId) {
        String targetsJson = "[" + String.join(",", Stream.of(targets.split(","))
                .map(String::trim).filter(t -> !t.isEmpty()).map(t -> "\"" + t.replace("\"", "") + "\"").toList()) + "]";
        sql.update("insert into discovery_runs (id, organization_id, network_id, trigger, targets, ports, options)"
                        + " values (?, ?, ?, 'FIRST_RUN', ?::jsonb, ?, ?::jsonb)",
                UUID.randomUUID(), organizationId, networkId, targetsJson, firstScanPorts(), optionsJson());
    }

    /**
     * The configured profile plus this server's own port and, when it listens on this machine, the
     * database's: a newcomer's first discovery then finds at least Topograph and its PostgreSQL.
     */
    private String firstScanPorts() {
        StringBuilder ports = new StringBuilder(firstScanPorts).append(',').append(port);
        sql.one("select inet_server_port() from (select inet_server_addr() as a) s where a is null or host(a) like '127.%' or a = '::1'::inet",
                rs -> rs.getObject(1, Integer.class)).ifPresent(p -> ports.append(',').append(p));
        return ports.toString();
    }

    /** The same scan options as any run a user queues. */
    private String optionsJson() {
        RunOptions o = RunOptions.defaults();
        return "{\"ratePerSecond\": " + o.ratePerSecond() + ", \"timeoutMs\": " + o.timeoutMs() + ", \"udp\": " + o.udp()
                + ", \"printerPorts\": " + o.printerPorts() + "}";
    }

    private void start(String enrollmentToken) throws Exception {
        Map<String, String> settings = new java.util.HashMap<>();
        settings.put("server", "http://127.0.0.1:" + port);
        settings.put("stateDir", stateDir.toString());
        settings.put("name", NAME);
        settings.put("defaultTargets", targets);
        settings.put("reverseDns", String.valueOf(reverseDns));
        if (enrollmentToken != null) {
            settings.put("enrollmentToken", enrollmentToken);
        }
        Consumer<String> log = line -> LOG.info("[integrated daemon] {}", line);
        running = (AutoCloseable) library.classLoader().loadClass(ENTRY)
                .getMethod("start", Map.class, Consumer.class).invoke(null, settings, log);
    }

    /** (organization id, network id) of the integrated daemon, if one is enrolled. */
    private Optional<UUID[]> currentRow() {
        return sql.one("select organization_id, network_id from daemons where integrated order by created_at limit 1",
                rs -> new UUID[]{rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)});
    }

    /** Its enrollment token is still unused and valid: it is pairing, not deleted. */
    private boolean enrollmentPending() {
        return sql.count("select count(*) from daemon_enrollment_tokens where integrated and uses = 0 and revoked_at is null"
                + " and expires_at > now()") > 0;
    }

    private boolean pairedOnce() {
        return sql.count("select count(*) from server_settings where key = ? and value = 'true'", PAIRED_ONCE) > 0;
    }

    private void deleteState() throws IOException {
        if (Files.exists(stateDir)) {
            try (Stream<Path> files = Files.walk(stateDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private void guarded(ThrowingRunnable action) {
        try {
            action.run();
        } catch (Exception e) {
            LOG.warn("Integrated daemon: {}", e.toString(), e);
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private void stop() throws Exception {
        AutoCloseable r = running;
        running = null;
        if (r != null) {
            r.close();
        }
    }

    @PreDestroy
    void close() throws Exception {
        worker.shutdownNow();
        stop();
    }
}
