package io.topograph.platform.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/** Hands the principal already resolved by {@link AuthenticationResolutionFilter} to Micronaut Security. */
@Singleton
public class PrincipalAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        return request.getAttribute(RequestPrincipal.ATTRIBUTE, RequestPrincipal.class)
                .map(p -> Mono.just(Authentication.build(p.userId().toString(),
                        List.of(p.apiKey() == null ? "SESSION" : "API_KEY"),
                        Map.of("email", p.email()))))
                .orElseGet(Mono::empty);
    }
}
