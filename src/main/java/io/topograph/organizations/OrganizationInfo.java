package io.topograph.organizations;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.tenancy.Role;

import java.util.UUID;

/** An organization as the API shows it to one caller, with the caller's role in it. */
@Serdeable
@Introspected
public record OrganizationInfo(UUID id, String name, String slug, Role role) {
}
