package io.topograph.scanner.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.topograph.scanner.catalog.Catalog;
import io.topograph.scanner.catalog.CatalogException;
import io.topograph.scanner.engine.ScanOptions;
import io.topograph.scanner.engine.Scanner;
import io.topograph.scanner.evidence.HostnameResolver;
import io.topograph.scanner.host.LocalDocker;
import io.topograph.scanner.model.ScanReport;
import io.topograph.scanner.output.ReportWriter;
import io.topograph.scanner.ports.PortProfiles;
import io.topograph.scanner.ports.PortSpecException;
import io.topograph.scanner.target.TargetException;
import io.topograph.scanner.target.TargetParser;
import io.topograph.scanner.target.TargetSet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The daemon's life (see {@code docs/daemon-protocol.md}): enroll when needed, then heartbeat on one
 * thread and claim, scan and report on another. Server trouble (no answer, 5xx) is retried with
 * {@link Backoff}, results stay in memory until the server took them; 401 stops the daemon (exit code
 * {@link #EXIT_REFUSED}, re-enroll); 403 (disabled) keeps heartbeating slowly and does no work; 404 or
 * 409 for a run drops it. {@link #stop} stops scanning and reports a run in progress as failed with
 * "daemon stopped", within its grace period. One log line per event, never the credential.
 */
public final class Daemon {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    /** Not enrolled and nothing to enroll with, or bad settings. */
    public static final int EXIT_NOT_CONFIGURED = 2;
    /** The server refused the credential or the enrollment token: enroll again. */
    public static final int EXIT_REFUSED = 4;
    public static final Duration STOP_GRACE = Duration.ofSeconds(5);
    public static final int MAX_BATCH_HOSTS = 500;
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);
    static final Duration DISABLED_HEARTBEAT = Duration.ofSeconds(60);
    static final List<String> CAPABILITIES = List.of("tcp-connect", "udp", "neighbours");
    private static final Pattern MISSING = Pattern.compile("missing batches?:\\s*([0-9][0-9,\\s]*)");
    /** The bundled catalog, parsed once per process, in the background the first time. */
    private static final AtomicReference<CompletableFuture<Catalog>> BUNDLED_REF = new AtomicReference<>();
    private static final Supplier<CompletableFuture<Catalog>> BUNDLED = () -> {
        CompletableFuture<Catalog> f = BUNDLED_REF.get();
        if (f == null) {
            CompletableFuture<Catalog> mine = new CompletableFuture<>();
            if (BUNDLED_REF.compareAndSet(null, mine)) {
                Thread t = new Thread(() -> {
                    try {
                        mine.complete(Catalog.bundled());
                    } catch (RuntimeException | Error e) {
                        mine.completeExceptionally(e);
                    }
                }, "topograph-daemon-catalog");
                t.setDaemon(true);
                t.start();
            }
            f = BUNDLED_REF.get();
        }
        return f;
    };

    private final DaemonConfig config;
    private final Consumer<String> log;
    private final StateStore store;
    private final Object lock = new Object();
    private boolean claimWanted; // guarded by lock
    private volatile boolean stopping;
    private volatile boolean stopRequested;
    private volatile boolean disabled;
    private volatile int exitCode = EXIT_OK;
    private volatile long stopDeadline;
    private volatile DaemonState state;
    private volatile ProtocolClient client;
    private volatile RunExecution active;
    private volatile Thread workThread;
    private volatile Thread heartbeatThread;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();

    public Daemon(DaemonConfig config, Consumer<String> log) {
        this.config = config;
        this.log = line -> {
            try {
                log.accept(line);
            } catch (RuntimeException ignored) {
                // logging must never stop the daemon
            }
        };
        this.store = new StateStore(config.stateDir());
    }

    static ArrayNode capabilities() {
        ArrayNode a = ProtocolClient.JSON.createArrayNode();
        CAPABILITIES.forEach(a::add);
        return a;
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /**
     * Reads the state and checks the daemon can start: it is enrolled, or has a server and an
     * enrollment token to enroll with. Throws IllegalStateException with a sentence for the operator.
     */
    public Optional<DaemonState> prepare() throws IOException {
        Optional<DaemonState> saved = store.load();
        if (saved.isPresent() && saved.get().enrolled()) {
            state = saved.get();
            return saved;
        }
        if (config.server() == null || config.enrollmentToken() == null) {
            throw new IllegalStateException("not enrolled (no credential in " + store.file() + "): run `topograph-daemon enroll --server <url>"
                    + " --token <enrollment token>`, or set TOPOGRAPH_SERVER and TOPOGRAPH_ENROLLMENT_TOKEN");
        }
        return Optional.empty();
    }

    /** Starts the daemon's threads (daemon threads) and returns. */
    public void start() throws IOException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("already started");
        }
        if (state == null) {
            prepare();
        }
        Thread t = new Thread(this::workLoop, "topograph-daemon-work");
        t.setDaemon(true);
        workThread = t;
        t.start();
    }

    /** Runs until stopped or refused; the exit code. */
    public int run() throws IOException, InterruptedException {
        start();
        return awaitExit();
    }

    public int awaitExit() throws InterruptedException {
        finished.await();
        return exitCode;
    }

    public boolean isRunning() {
        return started.get() && finished.getCount() > 0;
    }

    public int exitCode() {
        return exitCode;
    }

    /**
     * Stops the daemon: the scan in progress is stopped and its run reported as failed ("daemon stopped",
     * best effort), all within {@code grace}. Returns whether the daemon stopped in time.
     */
    public boolean stop(Duration grace) throws InterruptedException {
        if (!started.get()) {
            return true;
        }
        stopDeadline = System.nanoTime() + grace.toNanos();
        synchronized (lock) {
            if (!stopping) {
                stopRequested = true;
                stopping = true;
                log.accept("stopping");
            }
            lock.notifyAll();
        }
        // the work thread first: woken by this interrupt, it reports the run; were the scan stopped first,
        // the work thread could be reporting already when this interrupt arrives, and lose the report
        interrupt(workThread);
        interrupt(heartbeatThread);
        RunExecution r = active;
        if (r != null) {
            r.stopScan();
        }
        return finished.await(Math.max(0, stopDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private static void interrupt(Thread t) {
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
        }
    }

    /** Stops because the server refused us (or enrollment failed): no best-effort fail, the exit code says why. */
    private void fatal(int code, String message) {
        synchronized (lock) {
            if (stopping) {
                return;
            }
            exitCode = code;
            stopping = true;
            lock.notifyAll();
        }
        log.accept(message);
        RunExecution r = active;
        if (r != null) {
            r.stopScan();
        }
        interrupt(workThread);
        interrupt(heartbeatThread);
    }

    private String credentialRefused(ProtocolException e) {
        return "the server refused this daemon's credential (401" + (e.serverMessage() == null ? "" : ": " + e.serverMessage())
                + "): it was rotated, or the daemon was deleted. Enroll again with a new enrollment token:"
                + " topograph-daemon enroll --server " + (state == null ? "<url>" : state.server()) + " --token <token>";
    }

    /** Waits {@code d} unless stopping; false when stopping. */
    private boolean pause(Duration d) throws InterruptedException {
        long end = System.nanoTime() + d.toNanos();
        synchronized (lock) {
            while (!stopping) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
        return false;
    }

    private void requestClaim() {
        synchronized (lock) {
            claimWanted = true;
            lock.notifyAll();
        }
    }

    private boolean awaitClaimRequest() throws InterruptedException {
        synchronized (lock) {
            while (!claimWanted && !stopping) {
                lock.wait();
            }
            claimWanted = false;
            return !stopping;
        }
    }

    // ------------------------------------------------------------------ the work thread

    private void workLoop() {
        try {
            if (state == null) {
                try {
                    state = Enrollment.enroll(config.server(), config.enrollmentToken(), config.name(), store, config.requestTimeout(), 0,
                            this::pause, log);
                } catch (Enrollment.Failure f) {
                    fatal(f.exitCode(), f.getMessage());
                    return;
                }
            } else if (config.server() != null && !sameServer(config.server(), state.server())) {
                log.accept("enrolled with " + state.server() + ", which is used (the configured server " + config.server()
                        + " only counts when enrolling)");
            }
            client = new ProtocolClient(URI.create(state.server()), state.credential(), config.requestTimeout());
            log.accept("daemon " + state.daemonId() + " running (version " + Version.current() + ", network \"" + state.networkName()
                    + "\", server " + state.server() + ")");
            Thread hb = new Thread(this::heartbeatLoop, "topograph-daemon-heartbeat");
            hb.setDaemon(true);
            heartbeatThread = hb;
            if (stopping) {
                return;
            }
            hb.start();
            while (!stopping) {
                try {
                    if (!awaitClaimRequest() || disabled) {
                        continue;
                    }
                    JsonNode run;
                    try {
                        run = client.claim();
                    } catch (ProtocolException e) {
                        if (e.status() == 401) {
                            fatal(EXIT_REFUSED, credentialRefused(e));
                        } else if (e.status() == 403) {
                            markDisabled(e);
                        } else {
                            log.accept("claim: " + e.getMessage());
                        }
                        continue;
                    }
                    if (run != null) {
                        execute(run);
                    }
                } catch (InterruptedException e) {
                    // stopping (checked by the loop); otherwise a stray interrupt, ignored
                }
            }
        } catch (InterruptedException e) {
            // stopping
        } catch (RuntimeException e) {
            fatal(EXIT_FAILURE, "unexpected failure: " + describe(e));
        } finally {
            synchronized (lock) {
                stopping = true;
                lock.notifyAll();
            }
            interrupt(heartbeatThread);
            Thread hb = heartbeatThread;
            if (hb != null) {
                try {
                    hb.join(500);
                } catch (InterruptedException ignored) {
                    // we are ending anyway
                }
            }
            log.accept("stopped");
            finished.countDown();
        }
    }

    private static boolean sameServer(URI configured, String saved) {
        String a = configured.toString().replaceAll("/+$", "");
        String b = saved == null ? "" : saved.replaceAll("/+$", "");
        return a.equalsIgnoreCase(b);
    }

    private void markDisabled(ProtocolException e) {
        if (!disabled) {
            disabled = true;
            log.accept("the server says this daemon is disabled (403" + (e.serverMessage() == null ? "" : ": " + e.serverMessage())
                    + "): no work until it is enabled again; heartbeating every " + seconds(disabledInterval()));
        }
    }

    private Duration disabledInterval() {
        Duration max = config.maxHeartbeatInterval();
        return max != null && max.compareTo(DISABLED_HEARTBEAT) < 0 ? max : DISABLED_HEARTBEAT;
    }

    // ------------------------------------------------------------------ the heartbeat thread

    private ObjectNode heartbeatBody() {
        HostSnapshot host = HostSnapshot.collect();
        RunExecution r = active;
        ObjectNode body = ProtocolClient.JSON.createObjectNode();
        body.put("version", Version.current());
        body.put("state", r == null ? "IDLE" : "SCANNING");
        body.put("hostname", host.hostname());
        body.set("capabilities", capabilities());
        body.set("subnets", host.subnets());
        body.put("activeRunId", r == null ? null : r.id);
        return body;
    }

    private String announcedVersion; // heartbeat thread only

    private void heartbeatLoop() {
        Backoff backoff = new Backoff();
        Duration interval = Duration.ofSeconds(30);
        while (!stopping) {
            Duration wait;
            try {
                JsonNode answer = client.heartbeat(heartbeatBody());
                if (backoff.failures() > 0) {
                    log.accept("server reachable again");
                }
                backoff.reset();
                if (disabled) {
                    disabled = false;
                    log.accept("the server enabled this daemon again");
                }
                long seconds = Math.max(1, Math.min(3600, answer == null ? 30 : answer.path("heartbeatSeconds").asLong(30)));
                interval = Duration.ofSeconds(seconds);
                if (config.maxHeartbeatInterval() != null && config.maxHeartbeatInterval().compareTo(interval) < 0) {
                    interval = config.maxHeartbeatInterval();
                }
                wait = interval;
                String latest = answer == null ? null : answer.path("latestVersion").asText(null);
                if (latest != null && !latest.equals(announcedVersion) && Version.older(Version.current(), latest)) {
                    announcedVersion = latest;
                    log.accept("the server offers daemon version " + latest + " (this is " + Version.current() + "): update this daemon");
                }
                RunExecution r = active;
                if (r != null && answer != null) {
                    for (JsonNode id : answer.path("cancelRunIds")) {
                        if (r.id.equals(id.asText())) {
                            r.cancel("the heartbeat answer");
                        }
                    }
                }
                if (active == null) {
                    requestClaim(); // idle: claim after each heartbeat (at once when workAvailable)
                }
            } catch (ProtocolException e) {
                if (e.status() == 401) {
                    fatal(EXIT_REFUSED, credentialRefused(e));
                    return;
                } else if (e.status() == 403) {
                    markDisabled(e);
                    wait = disabledInterval();
                } else if (e.unavailable()) {
                    wait = backoff.next();
                    log.accept("heartbeat: " + e.getMessage() + "; next try in " + seconds(wait));
                } else {
                    log.accept("heartbeat: " + e.getMessage());
                    wait = interval;
                }
            } catch (RuntimeException e) {
                log.accept("heartbeat: " + describe(e));
                wait = interval;
            } catch (InterruptedException e) {
                if (stopping) {
                    return;
                }
                wait = interval; // a stray interrupt: heartbeat on
            }
            try {
                if (!pause(wait)) {
                    return;
                }
            } catch (InterruptedException e) {
                // stopping (checked by the loop); otherwise a stray interrupt, ignored
            }
        }
    }

    // ------------------------------------------------------------------ runs

    /** Why a run ends without complete or fail: the server dropped it, or the daemon was disabled. */
    private static final class RunGone extends Exception {
        final int status;

        RunGone(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** A user cancelled the run: stop, send nothing more for it. */
    private static final class Cancelled extends Exception {
        Cancelled(String message) {
            super(message);
        }
    }

    /** The run cannot go on: report it as failed with this reason. */
    private static final class RunFailure extends Exception {
        RunFailure(String reason) {
            super(reason);
        }
    }

    private static final class TooLarge extends Exception {
    }

    /** The daemon itself must stop (401). */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T call() throws ProtocolException, InterruptedException;
    }

    private void execute(JsonNode runNode) throws InterruptedException {
        String id = runNode.path("id").asText(null);
        if (!ProtocolClient.validRunId(id)) {
            log.accept("ignored a claimed run without a valid id: " + runNode.path("id"));
            return;
        }
        RunExecution r = new RunExecution(id);
        synchronized (lock) {
            active = r;
        }
        try {
            r.perform(runNode);
        } catch (Cancelled c) {
            log.accept("run " + id + " cancelled by a user (" + c.getMessage() + "): scan stopped, nothing more sent");
        } catch (RunGone g) {
            log.accept("run " + id + " dropped: " + g.getMessage());
        } catch (RunFailure f) {
            r.failReported(f.getMessage());
        } catch (Refused e) {
            fatal(EXIT_REFUSED, e.getMessage());
        } catch (InterruptedException e) {
            Thread.interrupted();
            if (r.cancelled) {
                log.accept("run " + id + " cancelled by a user (" + r.cancelledBy + "): scan stopped, nothing more sent");
            } else if (stopRequested) {
                r.failBeforeStopping("daemon stopped");
            } else if (!stopping) {
                r.failReported("the daemon was interrupted");
            }
        } catch (IOException | RuntimeException e) {
            r.failReported("daemon error: " + describe(e));
        } finally {
            r.stopScan();
            synchronized (lock) {
                active = null;
                claimWanted = false; // the next claim follows the next heartbeat
            }
            Thread.interrupted(); // a cancel that came as the run ended
        }
    }

    static String count(long n, String what) {
        return n + " " + (n == 1 ? what : what.endsWith("ch") ? what + "es" : what + "s");
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Where a scan is: protocol phase, percent (estimated), hosts found and ports probed so far. */
    private static final class Tracker implements Scanner.Progress {
        private final long estimatedProbes;
        volatile String phase = "DISCOVERY";
        final AtomicInteger percent = new AtomicInteger();
        final AtomicLong hosts = new AtomicLong();
        /** The engine's own count of probe results, as of its last "ports" report (every 1024 probes). */
        final AtomicLong probes = new AtomicLong();

        Tracker(long estimatedProbes) {
            this.estimatedProbes = Math.max(1, estimatedProbes);
        }

        @Override
        public void phase(String enginePhase, long done, long total) {
            if (enginePhase.equals("ports")) {
                phase = "PORT_SCAN";
                probes.accumulateAndGet(done, Math::max);
                raise((int) Math.min(80, 5 + 75 * done / estimatedProbes));
            } else if (enginePhase.equals("evidence")) {
                phase = "EVIDENCE";
                raise((int) (80 + (total <= 0 ? 0 : Math.min(15, 15 * done / total))));
            }
        }

        @Override
        public void hostUp(InetAddress address) {
            hosts.incrementAndGet();
        }

        void raise(int p) {
            percent.accumulateAndGet(p, Math::max);
        }
    }

    private final class RunExecution {
        final String id;
        volatile boolean cancelled;
        volatile String cancelledBy;
        volatile Thread scanThread;
        private String lastPhase;
        private int lastPercent;
        private long progressNotBefore;
        private final Backoff progressBackoff = new Backoff();

        RunExecution(String id) {
            this.id = id;
        }

        /** A user cancelled the run (heartbeat's cancelRunIds): stop scanning and sending. */
        void cancel(String by) {
            synchronized (lock) {
                if (active != this || cancelled) {
                    return;
                }
                cancelled = true;
                cancelledBy = by;
                stopScan();
                interrupt(workThread);
            }
        }

        void stopScan() {
            Thread t = scanThread;
            if (t != null && t.isAlive()) {
                t.interrupt();
                // Wait for it: the daemon never reports idle, or takes another run, while a scan still runs.
                boolean interrupted = Thread.interrupted();
                try {
                    t.join(5000);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void perform(JsonNode run) throws Cancelled, RunGone, RunFailure, InterruptedException, IOException {
            List<String> targetList = new ArrayList<>();
            for (JsonNode t : run.path("targets")) {
                if (!t.asText("").isBlank()) {
                    targetList.add(t.asText().trim());
                }
            }
            String targetsText = targetList.isEmpty() ? config.defaultTargets() : String.join(",", targetList);
            String portsText = run.path("ports").asText("top100");
            JsonNode options = run.path("options");
            boolean printerPorts = options.path("printerPorts").asBoolean(false);
            log.accept("run " + id + " claimed (attempt " + run.path("attempt").asInt(1) + "): targets " + targetsText
                    + (targetList.isEmpty() ? " (the default targets)" : "") + ", ports " + portsText);
            TargetSet targets;
            int[] ports;
            try {
                targets = new TargetParser().parse(targetsText);
            } catch (TargetException e) {
                throw new RunFailure("targets refused: " + e.getMessage());
            }
            try {
                ports = PortProfiles.resolve(portsText, printerPorts);
            } catch (PortSpecException e) {
                throw new RunFailure("ports refused: " + e.getMessage());
            }
            Supplier<Catalog> catalog = catalog(run.path("customDefinitions"));
            int rate = options.path("ratePerSecond").asInt(ScanOptions.DEFAULT_RATE);
            rate = Math.max(1, Math.min(1_000_000, rate));
            if (config.maxRate() != null) {
                rate = Math.min(rate, config.maxRate());
            }
            int timeoutMs = Math.max(10, Math.min(60_000, options.path("timeoutMs").asInt(ScanOptions.DEFAULT_TIMEOUT_MS)));
            ScanOptions scanOptions = ScanOptions.defaults().withRate(rate).withTimeoutMs(timeoutMs).withCatalog(catalog)
                    .withResolver(config.reverseDns() ? HostnameResolver.SYSTEM : HostnameResolver.NONE);
            if (config.maxConcurrency() != null) {
                scanOptions = scanOptions.withConcurrency(Math.min(ScanOptions.DEFAULT_CONCURRENCY, config.maxConcurrency()));
            }
            if (!options.path("udp").asBoolean(true)) {
                scanOptions = scanOptions.withUdpProbes(Map.of());
            }

            ScanReport report = scan(scanOptions, targets, ports);
            progress("REPORTING", 95, report.hosts().size(), report.stats().probes(), true);
            // read once per run; attached to the hosts that are this machine (a missing socket is skipped silently)
            LocalDocker docker = LocalDocker.read(config.dockerSocket());
            if (docker.warning() != null) {
                log.accept("run " + id + ": " + docker.warning());
            }
            List<byte[]> batches = sendBatches(report.hosts(), docker);
            complete(report, batches, docker.warning());
            long open = report.hosts().stream().mapToLong(h -> h.ports().size()).sum();
            log.accept("run " + id + " completed: " + count(report.hosts().size(), "host") + " up, " + count(open, "open port") + ", "
                    + count(batches.size(), "batch") + ", " + report.stats().elapsedMs() + " ms");
        }

        /** The bundled catalog (loading in the background meanwhile) with the run's own definitions first; those are checked now. */
        private Supplier<Catalog> catalog(JsonNode custom) throws RunFailure {
            CompletableFuture<Catalog> bundled = BUNDLED.get();
            if (!custom.isArray() || custom.isEmpty()) {
                return bundled::join;
            }
            ObjectNode file = ProtocolClient.JSON.createObjectNode();
            file.set("services", custom);
            try {
                Catalog own = new Catalog(Catalog.parse(ProtocolClient.JSON.writeValueAsBytes(file), "custom definitions"));
                return () -> bundled.join().withPrecedence(own);
            } catch (CatalogException e) {
                throw new RunFailure("custom definitions refused: " + e.getMessage());
            } catch (IOException e) {
                throw new RunFailure("custom definitions refused: " + describe(e));
            }
        }

        private ScanReport scan(ScanOptions options, TargetSet targets, int[] ports)
                throws Cancelled, RunGone, RunFailure, InterruptedException {
            Tracker tracker = new Tracker((long) targets.size() * ports.length);
            FutureTask<ScanReport> task = new FutureTask<>(() -> new Scanner(options).scan(targets, ports, tracker));
            Thread t = new Thread(task, "topograph-daemon-scan");
            t.setDaemon(true);
            scanThread = t;
            t.start();
            progress(tracker.phase, tracker.percent.get(), tracker.hosts.get(), tracker.probes.get(), true);
            long next = System.nanoTime() + PROGRESS_EVERY.toNanos();
            while (true) {
                try {
                    return task.get(200, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    String phase = tracker.phase;
                    boolean phaseChanged = !phase.equals(lastPhase);
                    if (phaseChanged || System.nanoTime() >= next) {
                        progress(phase, tracker.percent.get(), tracker.hosts.get(), tracker.probes.get(), phaseChanged);
                        next = System.nanoTime() + PROGRESS_EVERY.toNanos();
                    }
                } catch (ExecutionException e) {
                    if (cancelled) {
                        throw new Cancelled(cancelledBy);
                    }
                    if (stopping) {
                        throw new InterruptedException("stopping");
                    }
                    throw new RunFailure("scan failed: " + describe(e.getCause()));
                }
            }
        }

        /** Reports progress; a failure to report never stops the scan (server trouble postpones the next report). */
        private void progress(String phase, int percent, long hosts, long probes, boolean phaseChange)
                throws Cancelled, RunGone, InterruptedException {
            if (System.nanoTime() < progressNotBefore) {
                return;
            }
            int p = Math.max(lastPercent, Math.max(0, Math.min(100, percent)));
            try {
                boolean cancel = client.progress(id, phase, p, hosts, probes);
                if (progressBackoff.failures() > 0) {
                    log.accept("run " + id + ": server reachable again");
                }
                progressBackoff.reset();
                lastPercent = p;
                lastPhase = phase;
                if (cancel) {
                    synchronized (lock) {
                        cancelled = true;
                        cancelledBy = "the progress answer";
                    }
                    stopScan();
                    throw new Cancelled(cancelledBy);
                }
            } catch (ProtocolException e) {
                if (e.unavailable()) {
                    Duration d = progressBackoff.next();
                    progressNotBefore = System.nanoTime() + d.toNanos();
                    log.accept("run " + id + " progress: " + e.getMessage() + "; scanning on, next report in " + seconds(d));
                    lastPhase = phase;
                } else {
                    handleRunError(e);
                    log.accept("run " + id + " progress: " + e.getMessage());
                    lastPhase = phase;
                }
            }
        }

        /** 401 → the daemon stops; 403 → disabled, run dropped; 404/409 → run dropped; other statuses return. */
        private void handleRunError(ProtocolException e) throws RunGone {
            if (e.status() == 401) {
                throw new Refused(credentialRefused(e));
            }
            if (e.status() == 403) {
                markDisabled(e);
                throw new RunGone(403, "the daemon is disabled");
            }
            if (e.status() == 404 || e.status() == 409) {
                throw new RunGone(e.status(), "the server no longer has it active (" + e.status()
                        + (e.serverMessage() == null ? "" : ": " + e.serverMessage()) + ")");
            }
        }

        /** A call for this run, retried with back-off while the server is in trouble. */
        private <T> T retrying(String what, Call<T> call) throws Cancelled, RunGone, RunFailure, TooLarge, InterruptedException {
            Backoff backoff = new Backoff();
            while (true) {
                if (cancelled) {
                    throw new Cancelled(cancelledBy);
                }
                if (stopping) {
                    throw new InterruptedException("stopping");
                }
                try {
                    T result = call.call();
                    if (backoff.failures() > 0) {
                        log.accept("run " + id + ": server reachable again, " + what + " sent");
                    }
                    return result;
                } catch (ProtocolException e) {
                    if (e.unavailable()) {
                        Duration d = backoff.next();
                        log.accept("run " + id + " " + what + ": " + e.getMessage() + "; results kept, retrying in " + seconds(d));
                        if (!pause(d)) {
                            throw new InterruptedException("stopping");
                        }
                        continue;
                    }
                    if (e.status() == 409 && e.serverMessage() != null && MISSING.matcher(e.serverMessage()).find()) {
                        throw new RunGone(409, e.serverMessage());
                    }
                    handleRunError(e);
                    if (e.status() == 413) {
                        throw new TooLarge();
                    }
                    throw new RunFailure("the server refused " + what + " (" + e.status() + ")"
                            + (e.serverMessage() == null ? "" : ": " + e.serverMessage()));
                }
            }
        }

        /** Sends the hosts in batches of at most 500 (fewer after a 413), numbered from 0; the bodies sent, by seq. */
        private List<byte[]> sendBatches(List<ScanReport.Host> hosts, LocalDocker docker) throws Cancelled, RunGone, RunFailure, InterruptedException, IOException {
            List<byte[]> sent = new ArrayList<>();
            int size = MAX_BATCH_HOSTS;
            int i = 0;
            while (i < hosts.size()) {
                List<ScanReport.Host> chunk = hosts.subList(i, Math.min(hosts.size(), i + size));
                byte[] body = ReportWriter.hostsBatch(chunk, docker);
                int seq = sent.size();
                try {
                    retrying("batch " + seq, () -> client.batch(id, seq, body));
                    sent.add(body);
                    i += chunk.size();
                } catch (TooLarge e) {
                    if (chunk.size() == 1) {
                        throw new RunFailure("the server refused a batch of one host as too large (413)");
                    }
                    size = Math.max(1, chunk.size() / 2);
                    log.accept("run " + id + ": batch " + seq + " too large for the server (413); sending " + size + " hosts per batch");
                }
            }
            return sent;
        }

        private void complete(ScanReport report, List<byte[]> batches, String dockerWarning)
                throws Cancelled, RunGone, RunFailure, InterruptedException, IOException {
            ObjectNode body = ProtocolClient.JSON.createObjectNode();
            body.put("batches", batches.size());
            java.io.StringWriter stats = new java.io.StringWriter();
            try (com.fasterxml.jackson.core.JsonGenerator g = io.topograph.scanner.json.Json.FACTORY.createGenerator(stats)) {
                ReportWriter.stats(g, report.stats());
            }
            body.set("stats", ProtocolClient.JSON.readTree(stats.toString()));
            ArrayNode warnings = body.putArray("warnings");
            report.warnings().forEach(warnings::add);
            if (dockerWarning != null) {
                warnings.add(dockerWarning);
            }
            for (int round = 0; ; round++) {
                try {
                    retrying("complete", () -> client.complete(id, body));
                    return;
                } catch (TooLarge e) {
                    throw new RunFailure("the server refused complete as too large (413)");
                } catch (RunGone g) {
                    List<Integer> missing = g.status == 409 && g.getMessage() != null ? missingBatches(g.getMessage()) : List.of();
                    if (missing.isEmpty()) {
                        throw g;
                    }
                    if (round >= 3) {
                        throw new RunFailure("the server still misses batches " + missing + " after they were sent again");
                    }
                    log.accept("run " + id + ": the server misses batches " + missing + "; sending them again");
                    for (int seq : missing) {
                        if (seq < 0 || seq >= batches.size()) {
                            throw new RunFailure("the server asks for batch " + seq + ", which was never sent (" + batches.size() + " batches)");
                        }
                        byte[] b = batches.get(seq);
                        try {
                            retrying("batch " + seq, () -> client.batch(id, seq, b));
                        } catch (TooLarge e) {
                            throw new RunFailure("the server refused batch " + seq + " as too large (413) on re-sending");
                        }
                    }
                }
            }
        }

        /** Reports the run as failed, retrying server trouble; a dropped run is only logged. */
        void failReported(String reason) throws InterruptedException {
            log.accept("run " + id + " failed: " + reason);
            try {
                retrying("fail", () -> client.fail(id, reason, config.requestTimeout()));
            } catch (Cancelled | TooLarge e) {
                // nothing more to send
            } catch (RunGone | RunFailure e) {
                log.accept("run " + id + ": could not report the failure: " + e.getMessage());
            } catch (Refused e) {
                fatal(EXIT_REFUSED, e.getMessage());
            } catch (InterruptedException e) {
                Thread.interrupted();
                if (stopRequested) {
                    failBeforeStopping(reason);
                }
            }
        }

        /** One attempt at {@code fail}, within what is left of the stop's grace period. */
        void failBeforeStopping(String reason) {
            stopScan();
            for (int attempt = 0; attempt < 2; attempt++) {
                long left = stopDeadline - System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(300);
                if (attempt > 0 && left <= 0) {
                    break;
                }
                Duration within = Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(200), left));
                try {
                    client.fail(id, reason, within);
                    log.accept("run " + id + " reported as failed: " + reason);
                    return;
                } catch (ProtocolException e) {
                    log.accept("run " + id + ": could not report \"" + reason + "\": " + e.getMessage());
                    return;
                } catch (InterruptedException e) {
                    Thread.interrupted(); // the stop's own interrupt, arriving late: try once more
                }
            }
            log.accept("run " + id + ": could not report \"" + reason + "\" in time");
        }
    }

    static List<Integer> missingBatches(String message) {
        Matcher m = MISSING.matcher(message);
        if (!m.find()) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (String part : m.group(1).split("[,\\s]+")) {
            if (!part.isBlank()) {
                try {
                    out.add(Integer.parseInt(part.trim()));
                } catch (NumberFormatException ignored) {
                    // not a batch number
                }
            }
        }
        return out;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
