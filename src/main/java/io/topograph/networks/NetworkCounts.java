package io.topograph.networks;

import io.micronaut.core.annotation.Introspected;

import java.util.UUID;

@Introspected
public record NetworkCounts(UUID networkId, long hosts, long services) {
}
