/**
 * Daemons: enrollment tokens, daemon records (online / offline / outdated), credentials.
 * Invariants: tokens and credentials are stored only as SHA-256 hashes; a daemon belongs to
 * exactly one network of one organization and that never changes; a disabled daemon gets no
 * work; deleting a network removes its daemons.
 */
package io.topograph.daemons;
