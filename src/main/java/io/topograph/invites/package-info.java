/**
 * Invitations to join an organization. Invariants: only a SHA-256 hash of the emailed token is
 * stored; an invite is valid for seven days and can be used once; resending issues a fresh
 * token (the old link stops working); at most one pending invite per address and organization;
 * only Owners invite Owners; accepting needs the invited address (case-insensitive) and is
 * harmless when repeated; creating an account from an invite and joining happen in one
 * transaction.
 */
package io.topograph.invites;
