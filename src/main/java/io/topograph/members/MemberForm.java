package io.topograph.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A member's new role and networks: from the inline edit form (checkboxes named networkIds) or the JSON API. */
@Serdeable
public record MemberForm(@Nullable String role, @Nullable List<String> networkIds) {
}
