/**
 * Discovery runs: a user (or the API) queues a scan of a network or of one host; a daemon of
 * that network pulls it ({@code POST /api/daemon/v1/work/claim}), reports progress, and
 * completes or fails it; people follow it live and may cancel it.
 * Invariants: a run is read only through its organization and only when the member may see its
 * network (else 404); queueing and cancelling need a role that writes (Viewers 403); targets and
 * ports are judged by the daemon's own parsers before anything is written; a run is claimed by
 * one daemon only ({@code FOR UPDATE SKIP LOCKED}); every state change is one conditional
 * {@code UPDATE … WHERE state = …}, so concurrent requests and several server nodes cannot
 * move a run twice; percent never goes down within an attempt; a run whose lease lapsed is
 * queued again until it used its attempts, then failed with a reason. Batches and their merge
 * into the inventory belong to {@code discovery.ingest}.
 */
package io.topograph.discovery;
