package io.topograph.topology.layout;

/** A position on the diagram, in SVG user units (y grows downwards). */
public record Point(double x, double y) {
}
