/**
 * Discovery runs: a user (or the API) queues a scan of a network or of one host; a daemon of
 * that network pulls it ({@code POST /api/daemon/v1/work/claim}), reports progress (phase,
 * percent, hosts found, ports probed), and completes or fails it; people follow it live, may
 * cancel it, and browse the run history of a network or of the whole organization.
 * Invariants: a run is read only through its organization and only when the member may see its
 * network (else 404; the organization-wide history lists only visible networks); queueing and
 * cancelling need a role that writes (Viewers 403); targets and ports are judged by the daemon's
 * own parsers before anything is written; a run is claimed by one daemon only
 * ({@code FOR UPDATE SKIP LOCKED}); every state change is one conditional
 * {@code UPDATE … WHERE state = …}, so concurrent requests and several server nodes cannot move a
 * run twice; percent and ports probed never go down within an attempt; a run whose lease lapsed
 * is queued again until it used its attempts, then failed with a reason; a queued run nobody
 * claims within the unclaimed timeout, or a run past the maximum duration, ends TIMED_OUT with a
 * reason ({@link io.topograph.discovery.RunLimits}); finished states never change; retention
 * deletes only finished runs past their age and never a network's newest runs, and what names a
 * run (change events, hosts) outlives it. All of it lives in PostgreSQL, so any server node
 * renders progress and any node's sweep recovers a run another node left. Batches and their
 * merge into the inventory belong to {@code discovery.ingest}.
 */
package io.topograph.discovery;
