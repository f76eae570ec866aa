package io.topograph.topology.layout;

import java.util.List;

/**
 * Where an edge is drawn: the ids of the boxes it joins after resolution (a service id becomes the
 * id of the node that runs it; a node inside a collapsed subnet becomes that subnet's id) and the
 * polyline between their borders.
 */
public record EdgeRoute(String source, String target, List<Point> points) {

    public EdgeRoute {
        points = List.copyOf(points);
    }
}
