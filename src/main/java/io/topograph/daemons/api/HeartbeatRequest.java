package io.topograph.daemons.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** {@code POST /api/daemon/v1/heartbeat} (docs/daemon-protocol.md). */
@Serdeable
public record HeartbeatRequest(@Nullable String version, @Nullable String state, @Nullable String hostname,
                               @Nullable List<String> capabilities, @Nullable List<Subnet> subnets,
                               @Nullable String activeRunId) {

    /** A subnet the daemon's host sits in. */
    @Serdeable
    public record Subnet(@Nullable String cidr, @JsonProperty("interface") @Nullable String iface, @Nullable String ip,
                         @Nullable String mac) {
    }
}
