/**
 * Organizations (tenants), memberships and roles. Invariants: every organization has at least
 * one Owner; slugs are unique, lower-case and URL-safe; deleting an organization removes its
 * networks, memberships, invites, keys and tags (database cascades).
 */
package io.topograph.organizations;
