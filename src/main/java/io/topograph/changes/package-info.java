/**
 * What changed on a network: change events derived from completed discovery runs (hosts, services
 * and ports appearing and disappearing, a host's address or name changing), read per network and
 * per organization, acknowledged by people, and announced with {@link io.topograph.changes.ChangesRecorded}.
 * Invariants: events are read only through their organization and only for networks the member may
 * see (else 404); a run's changes are recorded once, however often its completion is retried.
 */
package io.topograph.changes;
