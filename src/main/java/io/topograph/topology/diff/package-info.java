/**
 * Differences between two topology graphs of a network, by element id: added, removed and changed
 * nodes and subnets, added and removed edges, a highlight map for the renderer and the union of both
 * graphs (so removed elements can be drawn). Pure.
 */
package io.topograph.topology.diff;
