package io.topograph.apikeys;

import io.micronaut.core.annotation.Introspected;

import java.util.UUID;

/** One network of a key's scope, with its name for lists. */
@Introspected
public record ApiKeyNetwork(UUID apiKeyId, UUID networkId, String networkName) {
}
