package io.topograph.daemons.integrated;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.topograph.organizations.OrganizationCreated;
import io.topograph.platform.daemonjar.DaemonLibrary;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
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
    static final String NAME = "Integrated daemon (this server)";
    private static final String ENTRY = "io.topograph.scanner.api.EmbeddedDaemon";
    private static final int HEARTBEAT_SECONDS = 5;

    /** What the UI shows about the integrated daemon. */
    public enum Status { RUNNING, UNPAIRED, STOPPED }

    private final IntegratedPairing pairing;
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

    public IntegratedDaemon(IntegratedPairing pairing, DaemonLibrary library,
                            @Value("${topograph.data-dir}") String dataDir,
                            @Value("${topograph.integrated-daemon.targets:127.0.0.1}") String targets,
                            @Value("${topograph.integrated-daemon.first-scan-ports:top1000}") String firstScanPorts,
                            @Value("${topograph.integrated-daemon.reverse-dns:true}") boolean reverseDns) {
        this.pairing = pairing;
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
            if (running == null && !pairing.pairedOnce()) {
                pair(event.organizationId(), event.firstNetworkId());
            }
        }));
    }

    /** Pairs (again) with a network chosen by a user, replacing any previous pairing. */
    public void pairWith(UUID organizationId, UUID networkId) {
        try {
            worker.submit(() -> {
                pair(organizationId, networkId);
                return null;
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while pairing the integrated daemon", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Could not pair the integrated daemon: " + e.getCause().getMessage(), e.getCause());
        }
    }

    public Status status() {
        if (running != null) {
            return Status.RUNNING;
        }
        return pairing.current().isPresent() ? Status.STOPPED : Status.UNPAIRED;
    }

    /** Notices that a user deleted it (its credential then answers 401) and stops it. */
    @Scheduled(fixedDelay = "${topograph.integrated-daemon.watch-interval:30s}", initialDelay = "${topograph.integrated-daemon.watch-interval:30s}")
    void watch() {
        worker.submit(() -> guarded(() -> {
            if (running != null && pairing.current().isEmpty() && !pairing.enrollmentPending()) {
                LOG.info("The integrated daemon was deleted; it stays off until a user pairs it again from a network's Daemons page.");
                stop();
                deleteState();
            }
        }));
    }

    private void startOrPairFirstOrganization() throws Exception {
        Optional<IntegratedPairing.Placement> placed = pairing.current();
        if (placed.isPresent() && Files.exists(stateDir.resolve("daemon.json"))) {
            start(null);
            return;
        }
        if (placed.isPresent()) {
            // Its state is gone (a new data directory): enroll afresh into the same network.
            pair(placed.get().organizationId(), placed.get().networkId());
            return;
        }
        if (pairing.pairedOnce()) {
            LOG.info("The integrated daemon is not paired (it was deleted); pair it from a network's Daemons page.");
            return;
        }
        Optional<UUID[]> first = pairing.firstNetwork();
        if (first.isPresent()) {
            pair(first.get()[0], first.get()[1]);
        } else {
            LOG.info("The integrated daemon will pair with the first organization created on this server.");
        }
    }

    private void pair(UUID organizationId, UUID networkId) throws Exception {
        stop();
        deleteState();
        String token = pairing.prepare(organizationId, networkId, targetList(), firstScanPorts());
        start(token);
        LOG.info("The integrated daemon is pairing with network {} and starts a first discovery of {}.", networkId, targets);
    }

    private List<String> targetList() {
        return Stream.of(targets.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    /**
     * The configured profile plus this server's own port and, when it listens on this machine, the
     * database's: a newcomer's first discovery then finds at least Topograph and its PostgreSQL.
     */
    private String firstScanPorts() {
        StringBuilder ports = new StringBuilder(firstScanPorts).append(',').append(port);
        pairing.localDatabasePort().ifPresent(p -> ports.append(',').append(p));
        return ports.toString();
    }

    private void start(String enrollmentToken) throws Exception {
        Map<String, String> settings = new java.util.HashMap<>();
        settings.put("server", "http://127.0.0.1:" + port);
        settings.put("stateDir", stateDir.toString());
        settings.put("name", NAME);
        settings.put("defaultTargets", targets);
        settings.put("reverseDns", String.valueOf(reverseDns));
        // An idle daemon looks for work when it heartbeats. This one runs inside the server, so a
        // heartbeat costs a local call: every 5 s instead of 30, a "Run now" starts within seconds.
        settings.put("heartbeatSeconds", String.valueOf(HEARTBEAT_SECONDS));
        if (enrollmentToken != null) {
            settings.put("enrollmentToken", enrollmentToken);
        }
        Consumer<String> log = line -> LOG.info("[integrated daemon] {}", line);
        running = (AutoCloseable) library.classLoader().loadClass(ENTRY)
                .getMethod("start", Map.class, Consumer.class).invoke(null, settings, log);
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
