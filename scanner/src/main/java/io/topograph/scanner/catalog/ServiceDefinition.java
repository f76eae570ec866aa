package io.topograph.scanner.catalog;

/**
 * One catalog entry. {@code generic} marks a catch-all (e.g. "HTTP server") that any specific
 * definition beats at the same evidence strength; {@code priority} breaks remaining ties;
 * {@code confidence}, when set (1-100), replaces the computed confidence.
 */
public record ServiceDefinition(String id, String name, String description, String category, String icon,
                                Rule rule, boolean generic, int priority, Integer confidence, String source) {
}
