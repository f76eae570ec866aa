/**
 * Exports of a topology diagram: Mermaid, draw.io (mxGraph XML), JSON, CSV of hosts and services,
 * and PNG drawn from the SVG by Batik.
 *
 * <p>Invariants: pure functions of the graph (and the layout where positions matter); nothing here
 * opens a connection or a file (the PNG transcoder is told not to load external resources); every
 * text from the graph is escaped for its format (XML, Mermaid labels, RFC 4180 with formula cells
 * defused); hidden nodes are left out, like on the diagram; only what the graph carries is
 * written, so a redacted graph gives a redacted export.
 */
package io.topograph.topology.export;
