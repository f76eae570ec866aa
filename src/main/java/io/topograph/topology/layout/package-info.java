/**
 * Layout of a topology graph: where every node, subnet container and edge is drawn.
 *
 * <p>Invariants: pure (no database, no Micronaut, no I/O) and deterministic: the same graph, pins
 * and options give an equal {@link io.topograph.topology.layout.Layout}, because input is sorted by
 * id, ELK runs with a fixed random seed and results are kept in ordered maps. A pinned node keeps
 * exactly the position it was given, and no other node overlaps it. The hosts of a subnet are packed
 * in a grid inside its container (sorted: gateways, then label, then id); ELK layered only places
 * containers and nodes outside them along the edges that cross containers, which keeps thousands
 * of hosts fast. A subnet's box contains all of its drawn nodes with a title band on top. Docker
 * containers that share their host's subnet (or have none) are stacked under their host.
 */
package io.topograph.topology.layout;
