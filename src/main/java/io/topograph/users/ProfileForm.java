package io.topograph.users;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.web.Check;

@Serdeable
public record ProfileForm(@Nullable String name, @Nullable String email) {
    public ProfileForm normalized() {
        return new ProfileForm(Check.trim(name), Check.trim(email));
    }
}
