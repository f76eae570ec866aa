package io.topograph.organizations;

import java.util.UUID;

/** Published when an organization and its first network were created (delivered after commit to transactional listeners). */
public record OrganizationCreated(UUID organizationId, UUID firstNetworkId, UUID ownerId) {
}
