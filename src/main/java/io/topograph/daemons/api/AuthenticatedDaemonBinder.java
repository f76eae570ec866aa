package io.topograph.daemons.api;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.AuthorizationException;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Lets daemon API controllers declare {@code AuthenticatedDaemon daemon}. */
@Singleton
public class AuthenticatedDaemonBinder implements TypedRequestArgumentBinder<AuthenticatedDaemon> {

    @Override
    public Argument<AuthenticatedDaemon> argumentType() {
        return Argument.of(AuthenticatedDaemon.class);
    }

    @Override
    public BindingResult<AuthenticatedDaemon> bind(ArgumentConversionContext<AuthenticatedDaemon> context, HttpRequest<?> source) {
        Optional<AuthenticatedDaemon> daemon = source.getAttribute(AuthenticatedDaemon.ATTRIBUTE, AuthenticatedDaemon.class);
        if (daemon.isEmpty()) {
            // The filter answers 401 first; reaching this means a route outside its pattern.
            throw new AuthorizationException(null);
        }
        return () -> daemon;
    }
}
