package io.topograph.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Renders templates completely before the response starts. The stock renderer writes lazily,
 * so a template error surfaced only after the status line was sent and the connection hung;
 * rendering first turns such an error into an ordinary 500 answer.
 */
@Singleton
@Replaces(ThymeleafViewsRenderer.class)
public class EagerViewsRenderer<T> extends ThymeleafViewsRenderer<T> {

    public EagerViewsRenderer(AbstractConfigurableTemplateResolver templateResolver, TemplateEngine engine,
                              ClassPathResourceLoader resourceLoader, HttpLocaleResolver httpLocaleResolver) {
        super(templateResolver, engine, resourceLoader, httpLocaleResolver);
    }

    @Override
    public Writable render(String viewName, T data, HttpRequest<?> request) {
        StringWriter out = new StringWriter(8192);
        try {
            super.render(viewName, data, request).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String html = out.toString();
        return writer -> writer.write(html);
    }
}
