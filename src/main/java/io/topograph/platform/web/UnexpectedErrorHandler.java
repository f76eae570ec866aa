package io.topograph.platform.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last resort for exceptions nothing more specific handles (Micronaut Security's own handlers
 * for 401/403 stay in charge): log it, and show a page or JSON without internals.
 */
@Produces
@Singleton
@Requires(classes = {RuntimeException.class, ExceptionHandler.class})
public class UnexpectedErrorHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    private final ErrorResponses errors;

    public UnexpectedErrorHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        LOG.error("Unexpected error on {} {}", request.getMethod(), request.getPath(), exception);
        return errors.of(request, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. It has been logged.");
    }
}
