package io.topograph.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.validation.ConstraintViolationException;

/** Maps exceptions to answers once for the whole app (JSON for the API, pages for people). */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class ErrorHandlers {

    private final ErrorResponses errors;

    public ErrorHandlers(ErrorResponses errors) {
        this.errors = errors;
    }

    @Error(global = true)
    public HttpResponse<?> notFound(HttpRequest<?> request, NotFoundException e) {
        return errors.notFound(request, e.getMessage());
    }

    @Error(global = true)
    public HttpResponse<?> forbidden(HttpRequest<?> request, ForbiddenException e) {
        return errors.of(request, HttpStatus.FORBIDDEN, e.getMessage());
    }

    @Error(global = true)
    public HttpResponse<?> conflict(HttpRequest<?> request, ConflictException e) {
        return errors.of(request, HttpStatus.CONFLICT, e.getMessage());
    }

    @Error(global = true)
    public HttpResponse<?> invalid(HttpRequest<?> request, ValidationException e) {
        if (ErrorResponses.wantsJson(request)) {
            return HttpResponse.unprocessableEntity().body(new ApiError("The request has invalid fields.", e.errors().list()));
        }
        return errors.of(request, HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    }

    @Error(global = true)
    public HttpResponse<?> constraint(HttpRequest<?> request, ConstraintViolationException e) {
        FormErrors errors = FormErrors.none();
        e.getConstraintViolations().forEach(v -> {
            String path = v.getPropertyPath().toString();
            errors.add(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
        });
        return invalid(request, new ValidationException(errors));
    }

    @Error(global = true)
    public HttpResponse<?> malformed(HttpRequest<?> request, JsonProcessingException e) {
        return errors.of(request, HttpStatus.BAD_REQUEST, "The request body is not valid JSON: " + e.getOriginalMessage());
    }

    @Error(global = true)
    public HttpResponse<?> conversion(HttpRequest<?> request, ConversionErrorException e) {
        return errors.of(request, HttpStatus.BAD_REQUEST,
                "Invalid value for '" + e.getArgument().getName() + "': " + e.getConversionError().getCause().getMessage());
    }

    @Error(global = true)
    public HttpResponse<?> unsatisfied(HttpRequest<?> request, UnsatisfiedRouteException e) {
        return errors.of(request, HttpStatus.BAD_REQUEST, "Missing required value '" + e.getArgument().getName() + "'.");
    }

    /** A body over {@code micronaut.server.max-request-size}: the API's error shape, not the framework's. */
    @Error(global = true)
    public HttpResponse<?> tooLarge(HttpRequest<?> request, ContentLengthExceededException e) {
        return errors.of(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "The request body is too large. " + e.getMessage() + ".");
    }

    @Error(global = true)
    public HttpResponse<?> status(HttpRequest<?> request, HttpStatusException e) {
        return errors.of(request, e.getStatus(), e.getMessage());
    }

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    public HttpResponse<?> noRoute(HttpRequest<?> request) {
        return errors.notFound(request, "Page not found");
    }

    @Error(status = HttpStatus.METHOD_NOT_ALLOWED, global = true)
    public HttpResponse<?> methodNotAllowed(HttpRequest<?> request) {
        return errors.of(request, HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed");
    }

    @Error(status = HttpStatus.UNSUPPORTED_MEDIA_TYPE, global = true)
    public HttpResponse<?> unsupportedMediaType(HttpRequest<?> request) {
        return errors.of(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type");
    }
}
