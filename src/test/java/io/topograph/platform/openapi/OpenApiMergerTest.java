package io.topograph.platform.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenApiMergerTest {

    private static final OpenApiMerger.Source BASE = new OpenApiMerger.Source("_base.yml", """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                ApiError: {type: object}
            """);

    private static OpenApiMerger.Source fragment(String name, String yaml) {
        return new OpenApiMerger.Source(name, yaml);
    }

    @Test
    void fragments_add_paths_schemas_and_tags_to_the_base() {
        ObjectNode doc = OpenApiMerger.merge(BASE, List.of(
                fragment("b.yml", """
                        tags: [{name: B}]
                        paths:
                          /api/v1/b:
                            get:
                              responses:
                                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/B'}}}}
                        components:
                          schemas:
                            B: {type: object}
                        """),
                fragment("a.yml", """
                        openapi: 3.0.3
                        tags: [{name: A}, {name: B}]
                        paths:
                          /api/v1/b:
                            post: {responses: {'204': {description: ok}}}
                          /api/v1/a:
                            get: {responses: {'200': {description: ok}}}
                        components:
                          schemas:
                            B: {type: object}
                        """)));
        assertThat(OpenApiMerger.operations(doc)).containsExactly("GET /api/v1/a", "GET /api/v1/b", "POST /api/v1/b");
        assertThat(doc.at("/components/schemas").fieldNames()).toIterable().containsExactly("ApiError", "B");
        assertThat(doc.get("tags").findValuesAsText("name")).containsExactly("B", "A");
        assertThat(doc.at("/info/title").asText()).isEqualTo("T");
    }

    @Test
    void an_operation_documented_twice_names_both_files() {
        assertThatThrownBy(() -> OpenApiMerger.merge(BASE, List.of(
                fragment("one.yml", "paths: {/api/v1/x: {get: {responses: {'200': {description: a}}}}}"),
                fragment("two.yml", "paths: {/api/v1/x: {get: {responses: {'200': {description: b}}}}}"))))
                .hasMessageContaining("two.yml").hasMessageContaining("GET /api/v1/x").hasMessageContaining("one.yml");
    }

    @Test
    void a_schema_defined_differently_twice_is_refused() {
        assertThatThrownBy(() -> OpenApiMerger.merge(BASE, List.of(
                fragment("one.yml", "paths: {}\ncomponents: {schemas: {Thing: {type: object}}}"),
                fragment("two.yml", "paths: {}\ncomponents: {schemas: {Thing: {type: string}}}"))))
                .hasMessageContaining("components.schemas.Thing").hasMessageContaining("one.yml");
        assertThatThrownBy(() -> OpenApiMerger.merge(BASE, List.of(
                fragment("mine.yml", "paths: {}\ncomponents: {schemas: {ApiError: {type: string}}}"))))
                .hasMessageContaining("ApiError").hasMessageContaining("_base.yml");
    }

    @Test
    void unknown_keys_broken_yaml_and_dangling_references_are_refused() {
        assertThatThrownBy(() -> OpenApiMerger.merge(BASE, List.of(fragment("x.yml", "paths: {}\nservers: []"))))
                .hasMessageContaining("x.yml").hasMessageContaining("servers");
        assertThatThrownBy(() -> OpenApiMerger.merge(BASE, List.of(fragment("x.yml", "paths: [unclosed"))))
                .hasMessageContaining("x.yml").hasMessageContaining("YAML");
        assertThatThrownBy(() -> OpenApiMerger.merge(BASE, List.of(fragment("x.yml", "paths: {x: {}}"))))
                .hasMessageContaining("must start with /");
        assertThatThrownBy(() -> OpenApiMerger.merge(BASE, List.of(fragment("x.yml",
                "paths: {/api/v1/x: {get: {responses: {'200': {$ref: '#/components/responses/Nope'}}}}}"))))
                .hasMessageContaining("#/components/responses/Nope");
        assertThatThrownBy(() -> OpenApiMerger.merge(new OpenApiMerger.Source("_base.yml", "openapi: 3.1.0"), List.of()))
                .hasMessageContaining("3.0");
    }

    @Test
    void the_files_are_found_in_a_directory_and_in_a_jar(@TempDir Path temp) throws IOException {
        Path dir = temp.resolve("classes");
        Files.createDirectories(dir.resolve("openapi"));
        Files.writeString(dir.resolve("openapi/_base.yml"), BASE.yaml());
        Files.writeString(dir.resolve("openapi/zeta.yml"), "paths: {}");
        Files.writeString(dir.resolve("openapi/alpha.yaml"), "paths: {}");
        Files.writeString(dir.resolve("openapi/_notes.yml"), "not: a fragment");
        Files.writeString(dir.resolve("openapi/README.txt"), "ignored");
        assertThat(names(dir.toUri().toURL())).containsExactly("openapi/alpha.yaml", "openapi/zeta.yml");

        Path jar = temp.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "openapi/");
            put(out, "openapi/_base.yml", BASE.yaml());
            put(out, "openapi/hosts.yml", "paths: {}");
            put(out, "openapi/members.yml", "paths: {}");
            put(out, "openapi/old/ignored.yml", "paths: {}");
            put(out, "other/openapi/ignored.yml", "paths: {}");
        }
        assertThat(names(jar.toUri().toURL())).containsExactly("openapi/hosts.yml", "openapi/members.yml");
    }

    private static List<String> names(URL classpathEntry) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classpathEntry}, null)) {
            OpenApiSources.Found found = OpenApiSources.load(loader);
            assertThat(found.base().yaml()).isEqualTo(BASE.yaml());
            return found.fragments().stream().map(OpenApiMerger.Source::name).toList();
        }
    }

    private static void put(JarOutputStream out, String name) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.closeEntry();
    }

    private static void put(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream stream = out;
        stream.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
