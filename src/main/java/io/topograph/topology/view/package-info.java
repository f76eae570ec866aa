/**
 * Drawing a saved diagram and exporting it: the one path from the inventory to pixels and files,
 * shared by the pages, the JSON API, and (later) share links and embeds. The graph is built once,
 * the diagram's options applied, laid out with its pins, rendered by the one SVG renderer.
 *
 * <p>Invariants: every call takes the organization and the network (404 otherwise; access checks
 * are the caller's); whatever a caller may not show must be removed from the graph before it gets
 * here, because the renderer and every export draw exactly what the graph holds.
 */
package io.topograph.topology.view;
