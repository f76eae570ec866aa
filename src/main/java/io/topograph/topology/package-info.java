/**
 * Topology: the diagrams of a network, built on the server from its inventory. Sub-packages:
 * {@code graph} (the pure model shared with layout and rendering), {@code build} (inventory → graph,
 * subnet kinds, gateways), {@code diagrams} (saved diagrams, options, pinned positions, stale marker),
 * {@code groups} (user-drawn flows), {@code snapshots} (the graph over time, retention),
 * {@code diff} (comparing two graphs) and {@code sample} (the generated sample network).
 *
 * <p>Invariants: every service method takes the organization id (and the network id for what lives in
 * a network) and reaches nested rows through their parent, so another organization's ids are not
 * found (404); who may see or change a network is checked by the caller (pages and API), as for the
 * rest of a network. Every table carries {@code organization_id} with composite foreign keys to its
 * parent; deleting a network deletes its diagrams, pins, groups and snapshots. Nothing here sends
 * network traffic; a sample network can never be scanned.
 */
package io.topograph.topology;
