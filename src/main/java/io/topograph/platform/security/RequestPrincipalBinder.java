package io.topograph.platform.security;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.AuthorizationException;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Lets controllers declare {@code RequestPrincipal principal} on authenticated routes. */
@Singleton
public class RequestPrincipalBinder implements TypedRequestArgumentBinder<RequestPrincipal> {

    @Override
    public Argument<RequestPrincipal> argumentType() {
        return Argument.of(RequestPrincipal.class);
    }

    @Override
    public BindingResult<RequestPrincipal> bind(ArgumentConversionContext<RequestPrincipal> context, HttpRequest<?> source) {
        Optional<RequestPrincipal> principal = source.getAttribute(RequestPrincipal.ATTRIBUTE, RequestPrincipal.class);
        if (principal.isEmpty() && !context.getArgument().isNullable()) {
            throw new AuthorizationException(null);
        }
        return () -> principal;
    }
}
