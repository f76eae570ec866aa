package io.topograph.topology.api;

import io.micronaut.core.annotation.Nullable;
import io.topograph.networks.Network;
import io.topograph.networks.NetworkService;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.topology.diagrams.TopologyService;
import jakarta.inject.Singleton;

import java.util.UUID;

/** The checks every topology route starts with: the network is visible to the member, and which diagram is meant. */
@Singleton
public class TopologyAccess {

    private final NetworkService networks;
    private final TopologyService diagrams;

    public TopologyAccess(NetworkService networks, TopologyService diagrams) {
        this.networks = networks;
        this.diagrams = diagrams;
    }

    /** The network, when the member may see it (404 otherwise). */
    public Network visible(CurrentMember member, UUID networkId) {
        return networks.findVisible(member, networkId);
    }

    /** The network, when the member may see it (404) and write (403). */
    public Network writable(CurrentMember member, UUID networkId) {
        Network network = networks.findVisible(member, networkId);
        member.requireWrite();
        return network;
    }

    /**
     * The diagram a {@code ?diagram=} parameter names, or the network's first one when absent.
     * Not a UUID: {@link BadParameter} (400 naming {@code diagram}); a UUID of no diagram of this
     * network: 404 from the service.
     */
    public UUID diagramId(CurrentMember member, UUID networkId, @Nullable String diagram) {
        if (diagram == null || diagram.isBlank()) {
            return diagrams.diagrams(member.organizationId(), networkId).get(0).id();
        }
        return parseId("diagram", diagram);
    }

    /** A query parameter that must be a UUID; a {@link BadParameter} naming it otherwise. */
    static UUID parseId(String field, String value) {
        try {
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new BadParameter(field, "Use the id (a UUID) of one of this network's " + field + "s.");
        }
    }

    /** A query parameter that cannot be used: answered 400 with the field named. */
    public static class BadParameter extends RuntimeException {
        private final String field;

        BadParameter(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
