package io.topograph.scanner.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Exchanges an enrollment token for the daemon's own credential and saves it. The instance id is saved
 * in the state dir before the request, so a retry after a lost answer is recognised by the server
 * (same daemon, new credential, the token's use not spent twice).
 */
public final class Enrollment {

    /** The enrollment did not succeed; {@link #exitCode()} says why (see {@link Daemon}'s exit codes). */
    public static final class Failure extends Exception {
        private final int exitCode;

        Failure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** Waits between attempts; returns false when the caller is stopping. */
    @FunctionalInterface
    public interface Pause {
        boolean pause(Duration d) throws InterruptedException;
    }

    private Enrollment() {
    }

    /**
     * Enrolls with {@code server} and {@code token}, retrying server trouble with back-off at most
     * {@code attempts} times (0: until {@code pause} says stop).
     */
    public static DaemonState enroll(URI server, String token, String name, StateStore store, Duration timeout, int attempts,
                                     Pause pause, Consumer<String> log) throws Failure, InterruptedException {
        DaemonState identity;
        try {
            identity = store.identity();
        } catch (IOException e) {
            throw new Failure(Daemon.EXIT_FAILURE, "cannot write the state directory " + store.dir() + ": " + e.getMessage());
        }
        HostSnapshot host = HostSnapshot.collect();
        ObjectNode body = ProtocolClient.JSON.createObjectNode();
        body.put("token", token);
        body.put("instanceId", identity.instanceId());
        body.put("name", name);
        body.put("hostname", host.hostname());
        body.put("version", Version.current());
        body.set("capabilities", Daemon.capabilities());
        ProtocolClient client = new ProtocolClient(server, null, timeout);
        Backoff backoff = new Backoff();
        JsonNode answer;
        while (true) {
            try {
                answer = client.enroll(body);
                break;
            } catch (ProtocolException e) {
                if (e.status() == 401) {
                    throw new Failure(Daemon.EXIT_REFUSED, "the server refused the enrollment token (401"
                            + (e.serverMessage() == null ? "" : ": " + e.serverMessage())
                            + "): it is unknown, expired, revoked or used up. Create a new enrollment token in Topograph"
                            + " (the network's Daemons tab) and enroll again.");
                }
                if (!e.unavailable()) {
                    throw new Failure(Daemon.EXIT_FAILURE, "enrollment refused: " + e.getMessage());
                }
                if (attempts > 0 && backoff.failures() + 1 >= attempts) {
                    throw new Failure(Daemon.EXIT_FAILURE, "enrollment failed: " + e.getMessage());
                }
                Duration d = backoff.next();
                log.accept("enroll: " + e.getMessage() + "; retrying in " + Daemon.seconds(d));
                if (!pause.pause(d)) {
                    throw new InterruptedException("stopping");
                }
            }
        }
        String daemonId = answer == null ? null : answer.path("daemonId").asText(null);
        String credential = answer == null ? null : answer.path("credential").asText(null);
        if (daemonId == null || daemonId.isBlank() || credential == null || credential.isBlank()) {
            throw new Failure(Daemon.EXIT_FAILURE, "enrollment failed: the server's answer has no daemonId or credential");
        }
        DaemonState enrolled = new DaemonState(server.toString(), daemonId, credential, answer.path("networkId").asText(null),
                answer.path("networkName").asText(null), identity.instanceId());
        try {
            store.save(enrolled);
        } catch (IOException e) {
            throw new Failure(Daemon.EXIT_FAILURE, "enrolled, but cannot save the credential in " + store.file() + ": " + e.getMessage()
                    + " (the enrollment can be repeated with the same token)");
        }
        log.accept("enrolled as daemon " + daemonId + " in network \"" + enrolled.networkName() + "\"; credential saved in " + store.file());
        return enrolled;
    }
}
