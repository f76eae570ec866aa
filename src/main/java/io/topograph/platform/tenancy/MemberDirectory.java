package io.topograph.platform.tenancy;

import java.util.Optional;
import java.util.UUID;

/** Looks up memberships for the tenancy filter; implemented by the organizations feature. */
public interface MemberDirectory {

    Optional<CurrentMember> findBySlug(UUID userId, String organizationSlug);

    Optional<CurrentMember> findByOrganizationId(UUID userId, UUID organizationId);

    /** The organization a user lands in when none is named: the first one they joined. */
    Optional<CurrentMember> findDefault(UUID userId);
}
