/**
 * The topology pages of a network: the diagram page (inline server-drawn SVG, toolbar, options,
 * inspector), diagram management, pins, exports, the sample network and snapshots with their diff.
 * Controllers only translate HTTP to the topology services; every route resolves the network
 * through {@code NetworkService.findVisible} first, so a member who cannot see it gets 404, and
 * every write calls {@code CurrentMember.requireWrite} (viewers get 403).
 */
package io.topograph.topology.web;
