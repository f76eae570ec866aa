package io.topograph.daemons.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** The daemon's identity and its credential, which the server never shows again. */
@Serdeable
public record EnrollResponse(UUID daemonId, String credential, UUID networkId, String networkName,
                             int heartbeatSeconds, int leaseSeconds) {
}
