/**
 * Ingestion: merges the result batches a daemon sends for a run
 * ({@code POST /api/daemon/v1/runs/{runId}/batches/{seq}}, docs/daemon-protocol.md) into the
 * inventory of the daemon's network.
 *
 * <p>Invariants:
 * <ul>
 *   <li>A daemon writes only into its own network: the run, the hosts it may match, the subnets
 *       and every new row come from the daemon's credential, never from the body. Another
 *       daemon's or organization's run answers 404, a run that is not RUNNING for this daemon 409.</li>
 *   <li>A batch is checked completely (at most 500 hosts, every field) before anything is written;
 *       bad input answers 413/422 and writes nothing.</li>
 *   <li>Batches are idempotent: (run, seq) is stored with the SHA-256 of the canonical body in the
 *       same transaction as the merge; the same body again changes nothing, another body is a 409.</li>
 *   <li>Identity rules, in order, within the network: (1) MAC on any interface of a host,
 *       (2) the same address on the same subnet (a conflicting MAC vetoes it), (3) the host name,
 *       case-insensitively (not for a host with a conflicting MAC, never for "localhost");
 *       else a new host. Every sighting is stored in {@code host_observations} with the rule and
 *       its evidence in words.</li>
 *   <li>Hosts a person edited ({@code user_edited}) keep their name, host name, description and
 *       OS; hidden hosts stay hidden. First-seen times are kept, last-seen times move forward.</li>
 *   <li>Re-scans never duplicate: interfaces are unique per (host, address), ports per
 *       (host, protocol, number), services per (host, definition id or name, protocol, port),
 *       bindings per (service, port, interface), Docker containers ({@code host_containers}) per
 *       (host, container id); a container missing from a later batch is left as it was.</li>
 *   <li>Provenance: hosts, ports and services carry the run and daemon that saw them last
 *       ({@code last_run_id}, {@code last_daemon_id}; enforced foreign keys on hosts, plain
 *       references on ports and services), and {@code host_observations} keeps one row per run and
 *       host with the daemon, the address and the identity rule.</li>
 *   <li>Every merge is a fixed number of set-based statements whatever the batch size, and the
 *       merges of one network run one at a time (a transaction-scoped advisory lock), so two
 *       daemons in a network never create the same host twice. A host or subnet deleted by a
 *       person during a merge rolls the batch back with a 503, which the daemon resends.</li>
 * </ul>
 */
package io.topograph.discovery.ingest;
