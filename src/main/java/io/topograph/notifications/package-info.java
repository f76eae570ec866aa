/**
 * Notifications about what changed: per-organization rules (which change kinds, optionally one
 * network, email recipients or a signed webhook), an outbox of deliveries and the worker that
 * sends them with retries, and the weekly digest email.
 * Invariants: deliveries are written by a plain listener of
 * {@link io.topograph.changes.ChangesRecorded}, inside the transaction that stores the changes, so
 * a rolled-back run announces nothing and a committed one is never lost; a delivery row is sent by
 * one node at a time (claimed with FOR UPDATE SKIP LOCKED, with a lapsing claim); a webhook body
 * is fixed when the delivery is written, so every retry sends the same bytes and idempotency key;
 * a digest goes out at most once per organization and week (primary key on both); every page is
 * for Owners and Admins only (403 otherwise) and reads through the member's organization.
 */
package io.topograph.notifications;
