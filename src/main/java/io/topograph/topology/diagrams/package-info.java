/**
 * Saved diagrams of a network ({@code topologies}) with their display options
 * ({@link io.topograph.topology.diagrams.DiagramOptions}, applied to the graph by a pure filter) and
 * pinned node positions ({@code topology_positions}). Invariants: a network has at least one diagram
 * once its diagrams were listed ("Full network" is created on first use, once); names are 1–80
 * characters, unique per network ignoring case; the last diagram cannot be deleted (409); pinning is an
 * idempotent upsert of an id that names something of the network (else 422); unpinning all is the
 * explicit re-layout. A diagram is stale when the fingerprint of the graph built now differs from the
 * one stored when it was last drawn.
 */
package io.topograph.topology.diagrams;
