package io.topograph.topology.graph;

import java.util.List;

/**
 * An identified service on a node. {@code id} is {@code svc:<uuid>}; {@code category} is the catalog
 * category (e.g. {@code databases}, {@code web-servers}); {@code ports} are like {@code 443/tcp}.
 */
public record GraphService(String id, String name, String category, String definitionId, List<String> ports,
                           int confidence) {

    public GraphService {
        ports = List.copyOf(ports);
    }
}
