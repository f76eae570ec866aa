package io.topograph.topology.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.topograph.topology.graph.TopologyGraph;
import io.topograph.topology.layout.Layout;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The diagram as JSON: {@code {"format":"topograph-topology","version":1,"graph":{…},"layout":{…}}},
 * the graph records as they are and the layout's boxes and routes keyed by id. Records serialize by
 * their components, so the output follows the shared graph contract field for field.
 */
public final class JsonExport {

    public static final String FORMAT = "topograph-topology";
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private JsonExport() {
    }

    public static String toJson(TopologyGraph graph, Layout layout) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("version", VERSION);
        document.put("graph", graph);
        if (layout != null) {
            Map<String, Object> positions = new LinkedHashMap<>();
            positions.put("nodes", layout.nodes());
            positions.put("subnets", layout.subnets());
            positions.put("edges", layout.edges());
            positions.put("collapsed", layout.collapsed());
            positions.put("bounds", layout.bounds());
            document.put("layout", positions);
        }
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the topology as JSON", e);
        }
    }
}
