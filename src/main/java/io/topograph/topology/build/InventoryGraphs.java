package io.topograph.topology.build;

import io.micronaut.transaction.annotation.Transactional;
import io.topograph.topology.graph.TopologyGraph;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * The topology graph of a network as its inventory stands now: {@link InventoryReads} (a fixed
 * number of statements) then {@link GraphAssembly} (pure). Reading only; inside a caller's
 * transaction it joins it (the run completion builds the snapshot of what it just recorded).
 */
@Singleton
public class InventoryGraphs {

    private final InventoryReads reads;

    public InventoryGraphs(InventoryReads reads) {
        this.reads = reads;
    }

    /** The graph of the organization's network; 404 when the organization has no such network. */
    @Transactional(readOnly = true)
    public TopologyGraph build(UUID organizationId, UUID networkId) {
        return GraphAssembly.assemble(reads.read(organizationId, networkId));
    }
}
