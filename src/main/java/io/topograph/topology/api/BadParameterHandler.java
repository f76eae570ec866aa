package io.topograph.topology.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.topograph.platform.web.ApiError;
import io.topograph.platform.web.FormErrors;
import jakarta.inject.Singleton;

import java.util.List;

/** A query parameter of a topology route that cannot be used: 400 with the API's error shape, naming it. */
@Produces
@Singleton
public class BadParameterHandler implements ExceptionHandler<TopologyAccess.BadParameter, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, TopologyAccess.BadParameter e) {
        return HttpResponse.badRequest(new ApiError("The query has invalid parameters.",
                List.of(new FormErrors.FieldError(e.field(), e.getMessage()))));
    }
}
