/**
 * The topology graph of one network, as pure data: what the diagram shows, independent of where it
 * came from (the live inventory, a snapshot, the sample network) and of how it is drawn (layout,
 * SVG, exports). Nothing here touches the database or Micronaut.
 *
 * <p>Invariants: ids are stable strings derived from inventory ids ({@code host:<uuid>},
 * {@code subnet:<uuid>}, {@code svc:<uuid>}, {@code edge:<kind>:<a>:<b>}), so the same inventory gives the same
 * graph, pinned positions survive rescans and two snapshots can be diffed by id. Lists are sorted
 * (subnets by CIDR, nodes by subnet then label then id, edges by id): the same inventory gives the
 * same graph, element for element.
 */
package io.topograph.topology.graph;
