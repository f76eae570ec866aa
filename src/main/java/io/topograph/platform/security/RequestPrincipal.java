package io.topograph.platform.security;

import io.micronaut.core.annotation.Nullable;
import io.topograph.platform.tenancy.Role;

import java.util.Set;
import java.util.UUID;

/**
 * The authenticated caller of one request: a user through a browser session or through an API key.
 *
 * @param sessionId set for browser sessions
 * @param apiKey    set for API-key requests
 */
public record RequestPrincipal(UUID userId, String email, String name,
                               @Nullable UUID sessionId,
                               @Nullable UUID sessionOrganizationId,
                               @Nullable ApiKeyGrant apiKey) {

    public static final String ATTRIBUTE = "topograph.principal";

    /**
     * What an API key grants: one organization, a role ceiling and an optional network scope.
     *
     * @param allNetworks true when the key is not limited to {@code networkIds} (it then sees every
     *                    network its user can see); a scoped key whose networks are gone sees none
     */
    public record ApiKeyGrant(UUID keyId, UUID organizationId, Role role, boolean allNetworks, Set<UUID> networkIds) {
    }
}
