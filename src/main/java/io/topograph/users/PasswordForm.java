package io.topograph.users;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record PasswordForm(@Nullable String current, @Nullable String password, @Nullable String confirmation) {
}
