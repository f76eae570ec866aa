package io.topograph.hosts;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.tags.TagRef;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A host with everything known about it, for its page and {@code GET /api/v1/hosts/{id}}. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HostDetail(UUID id, UUID networkId, String name, @Nullable String hostname, String description,
                         @Nullable String os, String source, boolean hidden, boolean userEdited,
                         Instant firstSeen, Instant lastSeen, Instant createdAt, Instant updatedAt,
                         List<TagRef> tags, List<Interface> interfaces, List<Port> ports, List<Service> services) implements Seen {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Interface(UUID id, @Nullable String name, @Nullable String ip, @Nullable String mac,
                            @Nullable UUID subnetId, @Nullable String subnetCidr, @Nullable String subnetName,
                            Instant firstSeen, Instant lastSeen) implements Seen {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Port(UUID id, int number, String protocol, String state, @Nullable String banner,
                       Instant firstSeen, Instant lastSeen) implements Seen {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Service(UUID id, @Nullable String definitionId, String name, String category, int confidence,
                          String matchReason, Instant firstSeen, Instant lastSeen, List<Binding> bindings) implements Seen {
    }

    /** A service reached through a port and/or on an interface; either side may be absent. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Binding(UUID id, @Nullable UUID portId, @Nullable Integer port, @Nullable String protocol,
                          @Nullable UUID interfaceId, @Nullable String ip) {

        /** "443/TCP on 10.0.0.5", "443/TCP" or "on 10.0.0.5". */
        public String label() {
            String p = port == null ? "" : port + "/" + protocol;
            String on = ip == null ? "" : "on " + ip;
            return (p + " " + on).trim();
        }
    }

    public String sourceLabel() {
        return Host.MANUAL.equals(source) ? "Added manually" : "Discovered";
    }
}
