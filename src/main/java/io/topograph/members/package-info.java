/**
 * The Members page (members and pending invites) and the members API. Invariants: Owners and
 * Admins manage members, Members and Viewers only read the list; only Owners make someone
 * Owner or change or remove an Owner; an organization never loses its last Owner (owner rows
 * are locked while that is checked); network access is kept only for Members and Viewers;
 * leaving or being removed revokes the person's API keys for the organization.
 */
package io.topograph.members;
