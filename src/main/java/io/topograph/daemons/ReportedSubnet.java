package io.topograph.daemons;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One subnet the daemon sits in, as its last heartbeat reported it (cidr already normalized). */
@Serdeable
public record ReportedSubnet(String cidr, @JsonProperty("interface") @Nullable String iface, @Nullable String ip,
                             @Nullable String mac) {
}
