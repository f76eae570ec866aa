package io.topograph.organizations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.web.Check;

@Serdeable
public record OrganizationForm(@Nullable String name, @Nullable String slug) {
    public OrganizationForm normalized() {
        return new OrganizationForm(Check.trim(name), slug == null ? null : slug.trim().toLowerCase(java.util.Locale.ROOT));
    }
}
