/**
 * SVG rendering of a laid-out topology graph: the one renderer behind pages, shares, embeds and
 * exports.
 *
 * <p>Invariants: pure and deterministic (the same graph, layout and options give byte-identical
 * SVG); the output is a standalone, namespace-correct SVG 1.1 document with one stylesheet and icons
 * as symbols; every text and attribute from the graph is XML-escaped, and a group colour is written
 * only when it is a {@code #rrggbb} colour; only what the graph carries is drawn (a redacted graph
 * gives a redacted picture); nodes, edges and subnets carry {@code tg-node}/{@code tg-edge}/
 * {@code tg-subnet} classes and {@code data-id} attributes that the browser script relies on.
 */
package io.topograph.topology.render;
