package io.topograph.platform.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;

/**
 * The merged API description, built once on first use. Built lazily so that a broken fragment
 * fails the documentation endpoints (and the tests), not the whole server.
 */
@Singleton
public class OpenApiDocument {

    private volatile Rendered rendered;

    private record Rendered(ObjectNode tree, String json, String yaml) {
    }

    public String json() {
        return rendered().json();
    }

    public String yaml() {
        return rendered().yaml();
    }

    /** A copy of the merged document. */
    public ObjectNode tree() {
        return rendered().tree().deepCopy();
    }

    private Rendered rendered() {
        Rendered r = rendered;
        if (r == null) {
            synchronized (this) {
                if (rendered == null) {
                    OpenApiSources.Found found = OpenApiSources.load(OpenApiDocument.class.getClassLoader());
                    ObjectNode doc = OpenApiMerger.merge(found.base(), found.fragments());
                    rendered = new Rendered(doc, OpenApiMerger.toJson(doc), OpenApiMerger.toYaml(doc));
                }
                r = rendered;
            }
        }
        return r;
    }
}
