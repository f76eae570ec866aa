/**
 * User-drawn groups of a network (service flows: PATH or HUB, colour, edge style, ordered members),
 * drawn on every diagram as GROUP edges. Invariants: validated whole before the one write (422 with
 * field messages); members exist in the network's graph when saved; members deleted later are
 * skipped when the graph is built, not removed.
 */
package io.topograph.topology.groups;
