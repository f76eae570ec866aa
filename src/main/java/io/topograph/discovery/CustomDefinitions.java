package io.topograph.discovery;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/**
 * The organization's own service definitions sent with each claimed run, in the catalog's JSON
 * form ({@code {"id","name","description","category","icon","match":{…},"priority"}}); the
 * daemon matches them before its bundled catalog.
 */
@Singleton
public class CustomDefinitions {

    public List<JsonNode> customDefinitions(UUID organizationId) {
        // Wired to the organization's service definitions at integration.
        return List.of();
    }
}
