package io.topograph.topology.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.platform.web.ValidationException;
import io.topograph.topology.diagrams.Diagram;
import io.topograph.topology.diagrams.DiagramOptions;
import io.topograph.topology.diagrams.TopologyService;
import jakarta.inject.Singleton;

import java.util.UUID;

/** A diagram's name and options changed together, in one transaction: both are stored or neither (422 leaves it as it was). */
@Singleton
public class DiagramUpdates {

    private final TopologyService diagrams;

    public DiagramUpdates(TopologyService diagrams) {
        this.diagrams = diagrams;
    }

    @Transactional
    public Diagram update(UUID organizationId, UUID networkId, UUID diagramId, @Nullable String name, @Nullable DiagramOptions options) {
        Diagram d = diagrams.diagram(organizationId, networkId, diagramId);
        if (name == null && options == null) {
            throw ValidationException.of("name", "Send a new name, new options, or both.");
        }
        if (options != null) {
            // Checked before the rename writes anything.
            options.validate().throwIfAny();
        }
        if (name != null) {
            d = diagrams.rename(organizationId, networkId, diagramId, name);
        }
        if (options != null) {
            d = diagrams.saveOptions(organizationId, networkId, diagramId, options);
        }
        return d;
    }
}
