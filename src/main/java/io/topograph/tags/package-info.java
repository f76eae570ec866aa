/**
 * Tags: organization-wide labels with a colour, applied to hosts and networks. Invariants:
 * names are unique per organization (case-insensitive) and at most 40 characters; colours are
 * {@code #rrggbb}; Viewers change nothing; tags are applied only to hosts and networks the
 * member may see, and a tag id from another organization is rejected (422), never applied;
 * deleting a tag removes it from every host and network (database cascade).
 */
package io.topograph.tags;
