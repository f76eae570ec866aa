package io.topograph.platform.openapi;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.topograph.platform.web.WebjarVersions;

/** The API description as JSON and YAML, and a browsable page (Swagger UI) for people; all public. */
@Controller("/api")
@Secured(SecurityRule.IS_ANONYMOUS)
public class OpenApiController {

    static final String DOCS_VIEW = "openapi/docs";
    public static final String YAML = "application/yaml";

    private final OpenApiDocument document;
    private final WebjarVersions webjars;

    public OpenApiController(OpenApiDocument document, WebjarVersions webjars) {
        this.document = document;
        this.webjars = webjars;
    }

    record DocsPage(String swaggerUiVersion, String specUrl) {
    }

    @Get(value = "/openapi.json", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> json() {
        return HttpResponse.ok(document.json()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get(value = "/openapi.yml", produces = YAML)
    public HttpResponse<String> yaml() {
        return HttpResponse.ok(document.yaml()).contentType(YAML + ";charset=utf-8");
    }

    @Get(value = "/docs", produces = MediaType.TEXT_HTML)
    public ModelAndView<DocsPage> docs() {
        return new ModelAndView<>(DOCS_VIEW, new DocsPage(webjars.swaggerUi(), "/api/openapi.json"));
    }
}
