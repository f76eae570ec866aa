package io.topograph.networks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.web.Check;
import io.topograph.platform.web.FormErrors;

/** Create or edit a network, from the page form or the JSON API. */
@Serdeable
public record NetworkForm(@Nullable String name, @Nullable String description) {

    public static final int NAME_MAX = 80;
    public static final int DESCRIPTION_MAX = 2000;

    public static NetworkForm empty() {
        return new NetworkForm("", "");
    }

    public NetworkForm normalized() {
        return new NetworkForm(Check.trim(name), description == null ? "" : description.trim());
    }

    public FormErrors validate() {
        FormErrors errors = FormErrors.none();
        Check.required(errors, "name", name, NAME_MAX);
        Check.maxLength(errors, "description", description, DESCRIPTION_MAX);
        return errors;
    }
}
