package io.topograph.discovery.ingest;

import io.topograph.support.BearerClient;
import io.topograph.support.TestDatabase;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;

/** Daemons and their running runs, written straight into the test database, and batches sent to the real endpoint. */
final class DaemonRuns {

    /** An enrolled daemon with its credential, calling the daemon API as the real daemon does. */
    record Daemon(UUID id, UUID organizationId, UUID networkId, String credential, BearerClient client) {

        HttpResponse<String> send(UUID runId, int seq, String body) {
            return client.send("POST", "/api/daemon/v1/runs/" + runId + "/batches/" + seq, body);
        }
    }

    private final TestDatabase db;
    private final URI base;

    DaemonRuns(TestDatabase db, URI base) {
        this.db = db;
        this.base = base;
    }

    Daemon daemon(UUID organizationId, UUID networkId, String name) {
        String credential = db.insertDaemon(organizationId, networkId, name);
        UUID id = (UUID) db.column("select id from daemons where credential_prefix = ? and organization_id = ?",
                credential.substring(0, 12), organizationId).get(0);
        return new Daemon(id, organizationId, networkId, credential, new BearerClient(base, credential));
    }

    /** A run the daemon has claimed and is working on. */
    UUID running(Daemon daemon) {
        UUID id = UUID.randomUUID();
        db.update("insert into discovery_runs (id, organization_id, network_id, state, attempt, claimed_by, started_at, lease_expires_at)"
                + " values (?, ?, ?, 'RUNNING', 1, ?, now(), now() + interval '30 seconds')", id, daemon.organizationId(),
                daemon.networkId(), daemon.id());
        return id;
    }

    UUID run(Daemon daemon, String state) {
        UUID id = UUID.randomUUID();
        db.update("insert into discovery_runs (id, organization_id, network_id, state, attempt, claimed_by) values (?, ?, ?, ?, 1, ?)",
                id, daemon.organizationId(), daemon.networkId(), state, daemon.id());
        return id;
    }
}
