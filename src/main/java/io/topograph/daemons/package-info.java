/**
 * Daemons: enrollment tokens, daemon records (online / offline / outdated), credentials, the
 * network's Daemons tab, its JSON API and the daemon downloads.
 * Invariants:
 * <ul>
 *   <li>Enrollment tokens ({@code tge_…}) and credentials ({@code tgd_…}) are 256-bit secrets shown
 *       once and stored only as SHA-256 hashes with a 12-character display prefix.</li>
 *   <li>A daemon belongs to exactly one network of one organization and that never changes; a
 *       disabled daemon gets no work (the daemon API answers it 403); deleting a network removes
 *       its daemons and tokens.</li>
 *   <li>Status is computed when read from {@code last_heartbeat_at} ({@link io.topograph.daemons.DaemonStatus}):
 *       no sweeper keeps it.</li>
 *   <li>Everyone who can see a network sees its daemons and tokens; only Owners and Admins create
 *       tokens and change daemons (403). A network the member cannot see, or a daemon or token of
 *       another network or organization, answers 404.</li>
 *   <li>Rotating a credential replaces it with one nobody knows (the daemon gets 401 at once) and
 *       makes a single-use token bound to the daemon; enrolling with it re-keys the same daemon.</li>
 * </ul>
 * The tables are read with plain SQL ({@link io.topograph.daemons.DaemonStore},
 * {@link io.topograph.daemons.EnrollmentTokenStore}), every method scoped to an organization,
 * except the enrollment lookup by token hash, where the token is all there is.
 */
package io.topograph.daemons;
