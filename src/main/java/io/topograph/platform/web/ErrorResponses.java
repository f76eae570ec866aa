package io.topograph.platform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Error answers in the caller's language: JSON {@link ApiError} under {@code /api/} (and for
 * clients that do not accept HTML), otherwise the error page, rendered here because error
 * responses and filter short-circuits do not pass through the views filter. htmx requests get
 * a toast.
 */
@Singleton
public class ErrorResponses {

    public static final String ERROR_VIEW = "errors/error";

    private final ViewsRenderer<Object, HttpRequest<?>> renderer;
    private final LayoutModelDecorator decorator;

    public ErrorResponses(ViewsRenderer<Object, HttpRequest<?>> renderer, LayoutModelDecorator decorator) {
        this.renderer = renderer;
        this.decorator = decorator;
    }

    public static boolean wantsJson(HttpRequest<?> request) {
        if (request.getPath().startsWith("/api/")) {
            return true;
        }
        List<MediaType> accept = request.getHeaders().accept();
        return !accept.isEmpty() && accept.stream().noneMatch(m -> m.matches(MediaType.TEXT_HTML_TYPE) || m.getType().equals("*"))
                && !Htmx.isFragmentRequest(request);
    }

    public MutableHttpResponse<?> notFound(HttpRequest<?> request, String message) {
        return of(request, HttpStatus.NOT_FOUND, message);
    }

    public MutableHttpResponse<?> of(HttpRequest<?> request, HttpStatus status, String message) {
        if (wantsJson(request)) {
            return HttpResponse.status(status).body(ApiError.of(message));
        }
        MutableHttpResponse<Object> response = HttpResponse.status(status);
        if (Htmx.isFragmentRequest(request)) {
            return Htmx.toast(response.contentType(MediaType.TEXT_PLAIN_TYPE).body(message), Flash.Level.danger, message);
        }
        return response.contentType(MediaType.TEXT_HTML_TYPE).body(render(request,
                new ErrorPage(status.getCode(), status.getReason(), message)));
    }

    private String render(HttpRequest<?> request, ErrorPage page) {
        ModelAndView<ErrorPage> mav = new ModelAndView<>(ERROR_VIEW, page);
        decorator.decorate(request, mav);
        StringWriter out = new StringWriter();
        try {
            renderer.render(ERROR_VIEW, mav.getModel().orElseThrow(), request).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public record ErrorPage(int status, String title, String message) {
    }
}
