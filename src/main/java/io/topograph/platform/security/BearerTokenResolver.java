package io.topograph.platform.security;

import java.util.Optional;

/** Turns an {@code Authorization: Bearer} token into a principal; implemented by the API-keys feature. */
public interface BearerTokenResolver {
    Optional<RequestPrincipal> resolve(String token);
}
