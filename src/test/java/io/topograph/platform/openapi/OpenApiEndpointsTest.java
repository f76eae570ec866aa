package io.topograph.platform.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.topograph.platform.web.WebjarVersions;
import io.topograph.support.AppTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.topograph.support.BearerClient.json;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class OpenApiEndpointsTest extends AppTest {

    @Inject
    Router router;

    @Inject
    WebjarVersions webjars;

    @Test
    void the_merged_description_is_served_as_json_to_anyone() {
        HttpResponse<String> response = anonymous().getJson("/api/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode doc = json(response);
        assertThat(doc.get("openapi").asText()).isEqualTo("3.0.3");
        assertThat(doc.at("/info/title").asText()).isEqualTo("Topograph API");
        assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/components/securitySchemes/cookieAuth/in").asText()).isEqualTo("cookie");
        assertThat(doc.at("/components/schemas/ApiError/properties/errors/items/$ref").asText()).isEqualTo("#/components/schemas/FieldError");
        // Paths and schemas of several fragments, merged.
        assertThat(doc.at("/paths/~1api~1v1~1networks/get/operationId").asText()).isEqualTo("listNetworks");
        assertThat(doc.at("/paths/~1api~1v1~1api-keys/post/operationId").asText()).isEqualTo("createApiKey");
        assertThat(doc.at("/paths/~1api~1v1~1organizations/get/operationId").asText()).isEqualTo("listOrganizations");
        assertThat(doc.at("/components/schemas/ApiKey").isObject()).isTrue();
        assertThat(doc.at("/components/schemas/Network").isObject()).isTrue();
        assertThat(doc.get("tags").findValuesAsText("name")).contains("Networks", "API keys", "Organizations");
    }

    @Test
    void the_same_description_is_served_as_yaml() throws Exception {
        // What a browser following the link, or curl, sends.
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base().resolve("/api/openapi.yml"))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/yaml");
        JsonNode fromYaml = new ObjectMapper(new YAMLFactory()).readTree(response.body());
        assertThat(fromYaml).isEqualTo(json(anonymous().getJson("/api/openapi.json")));
    }

    @Test
    void the_docs_page_loads_swagger_ui_from_the_webjar_and_its_initialiser_from_static() {
        HttpResponse<String> page = anonymous().get("/api/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        String bundle = "/webjars/swagger-ui/" + webjars.swaggerUi() + "/swagger-ui-bundle.js";
        String css = "/webjars/swagger-ui/" + webjars.swaggerUi() + "/swagger-ui.css";
        assertThat(page.body()).contains("id=\"swagger-ui\"").contains("data-spec-url=\"/api/openapi.json\"")
                .contains(bundle).contains(css).contains("/static/js/api-docs.js")
                // The CSP forbids inline scripts: every script tag has a src.
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        for (String asset : List.of(bundle, css, "/static/js/api-docs.js")) {
            assertThat(anonymous().get(asset).statusCode()).as(asset).isEqualTo(200);
        }
    }

    /** Every JSON API route is documented with the same method, and nothing documented is missing. */
    @Test
    void every_api_v1_route_is_documented_and_every_documented_operation_exists() {
        Set<String> routes = router.uriRoutes()
                .filter(r -> r.getUriMatchTemplate().toPathString().startsWith("/api/v1/"))
                .map(OpenApiEndpointsTest::operation)
                .collect(Collectors.toCollection(TreeSet::new));
        // Micronaut answers HEAD for every GET by itself; only HEAD routes of their own need documenting.
        routes.removeIf(op -> op.startsWith("HEAD ") && routes.contains("GET " + op.substring(5)));
        JsonNode doc = json(anonymous().getJson("/api/openapi.json"));
        Set<String> documented = OpenApiMerger.operations(doc).stream()
                .filter(op -> op.contains(" /api/v1/"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(routes).contains("GET /api/v1/networks", "POST /api/v1/api-keys", "DELETE /api/v1/api-keys/{id}",
                "GET /api/v1/organization");
        assertThat(documented).as("undocumented routes").containsAll(routes);
        assertThat(routes).as("documented operations without a route").containsAll(documented);
    }

    private static String operation(UriRouteInfo<?, ?> route) {
        // Micronaut writes optional query parts as {?x}; OpenAPI paths hold only the path.
        String path = route.getUriMatchTemplate().toPathString().replaceAll("\\{[?&][^}]*}", "");
        return route.getHttpMethodName() + " " + path;
    }
}
