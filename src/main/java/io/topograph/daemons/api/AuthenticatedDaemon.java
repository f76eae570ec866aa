package io.topograph.daemons.api;

import java.util.UUID;

/**
 * The daemon calling the daemon API, resolved from its credential by
 * {@link DaemonAuthenticationFilter}. Controllers declare it as a parameter.
 */
public record AuthenticatedDaemon(UUID daemonId, UUID organizationId, UUID networkId, String name) {

    public static final String ATTRIBUTE = "topograph.daemon";
}
