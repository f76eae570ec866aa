package io.topograph.invites;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.web.Check;

import java.util.List;

/** Invite someone: from the page form (checkboxes named networkIds) or the JSON API. */
@Serdeable
public record InviteForm(@Nullable String email, @Nullable String role, @Nullable List<String> networkIds) {

    public static final int EMAIL_MAX = 254;

    public static InviteForm empty() {
        return new InviteForm("", io.topograph.platform.tenancy.Role.MEMBER.name(), List.of());
    }

    public InviteForm normalized() {
        return new InviteForm(Check.trim(email), Check.trim(role), networkIds == null ? List.of() : networkIds);
    }
}
