package io.topograph.services;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/**
 * One bundled definition as the daemon jar ships it, with its rule rendered for people.
 *
 * @param category the service's own category, else its file's
 * @param ports    TCP and UDP ports its rule names (outside any {@code not})
 */
public record CatalogEntry(String id, String name, String description, String category, String icon, int priority,
                           boolean generic, JsonNode match, List<RuleText.Line> rule, String summary, Set<Integer> ports) {
}
