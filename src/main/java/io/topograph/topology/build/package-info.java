/**
 * Building a network's {@link io.topograph.topology.graph.TopologyGraph} from its inventory:
 * {@link io.topograph.topology.build.InventoryReads} reads it in a fixed number of set-based
 * statements (scoped by organization and network; no statement per host) and
 * {@link io.topograph.topology.build.GraphAssembly} turns the rows into the graph, pure and
 * deterministic (the same rows, the same graph, element for element). Subnet kinds are guessed by
 * {@link io.topograph.topology.build.SubnetKinds} unless a person chose one
 * ({@code subnets.kind_chosen}), which no guess replaces; gateways are chosen by
 * {@link io.topograph.topology.build.Gateways} with the reason in words. Building only reads.
 */
package io.topograph.topology.build;
