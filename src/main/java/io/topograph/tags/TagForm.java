package io.topograph.tags;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.web.Check;
import io.topograph.platform.web.FormErrors;

import java.util.Locale;

/** Create, rename or recolour a tag, from the page form or the JSON API. */
@Serdeable
public record TagForm(@Nullable String name, @Nullable String color) {

    public static final int NAME_MAX = 40;
    public static final String DEFAULT_COLOR = "#6c757d";

    public static TagForm empty() {
        return new TagForm("", DEFAULT_COLOR);
    }

    /** Trims; a missing colour becomes the default grey; colours are stored in lower case. */
    public TagForm normalized() {
        String c = color == null || color.isBlank() ? DEFAULT_COLOR : color.trim().toLowerCase(Locale.ROOT);
        return new TagForm(Check.trim(name), c);
    }

    public FormErrors validate() {
        FormErrors errors = FormErrors.none();
        Check.required(errors, "name", name, NAME_MAX);
        Check.color(errors, "color", color);
        return errors;
    }
}
