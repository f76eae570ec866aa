/**
 * What changed on a network: change events derived from completed discovery runs (hosts, services
 * and ports appearing and disappearing, a host's address, MAC or name changing), read per network and
 * per organization, acknowledged by people, and announced with {@link io.topograph.changes.ChangesRecorded}.
 *
 * <p>Invariants: events are read only through their organization and only for networks the member may
 * see (else 404); acknowledging needs a role that writes (Viewers get 403). A run's changes are
 * recorded once, by {@link io.topograph.changes.ChangeTracking} inside the transaction that moves the
 * run to SUCCEEDED (a retried completion answers before getting there); failed and cancelled runs
 * record none. Batches only record what they saw; the comparison with what was known
 * ({@code hosts.online/missed_runs/known_*}, {@code ports.present}, {@code services.present}) is
 * {@link io.topograph.changes.ChangeDetector}, pure, and the SQL is {@code ChangeStore}, set-based.
 * A port or service counts as gone only if the run scanned its port, and a host misses a run only if
 * the run's targets (expanded by the daemon's own parser) cover one of its addresses.
 */
package io.topograph.changes;
