package io.topograph.topology.sample;

import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** A loaded sample network and what it was filled with. */
@Serdeable
public record SampleNetwork(UUID networkId, String name, int subnets, int hosts, int services, int containers, int groups) {
}
