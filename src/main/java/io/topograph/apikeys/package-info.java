/**
 * User API keys: a user's credential for the JSON API in one organization.
 * Invariants:
 * <ul>
 *   <li>The secret ({@code tg_…}) is shown once, at creation; only its SHA-256 hash and a short
 *       display prefix are stored.</li>
 *   <li>A key's role never exceeds its user's role at creation, and at every request it acts with
 *       the weaker of the two; its network scope only ever narrows the user's own access
 *       ({@code TenancyFilter.narrow}).</li>
 *   <li>Keys are created only from a browser session, never by another key.</li>
 *   <li>A revoked or expired key, a key whose user left the organization, and a key created
 *       before the user's current membership began all answer 401.</li>
 *   <li>A user sees and revokes only their own keys; anyone else's key id answers 404.</li>
 * </ul>
 * Resolving a bearer token is the one lookup that cannot start from an organization id (the
 * token is all there is), so it is plain JDBC in {@link io.topograph.apikeys.ApiKeyBearerResolver}
 * rather than a repository method.
 */
package io.topograph.apikeys;
