package io.topograph.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.web.FormErrors;

import java.util.List;

/** The weekly digest option: on/off and recipients (required when on). */
@Serdeable
public record DigestForm(@Nullable String enabled, @Nullable String recipients) {

    public record Valid(boolean enabled, List<String> recipients) {
    }

    public boolean isEnabled() {
        return enabled != null && !enabled.isBlank() && !enabled.equalsIgnoreCase("false");
    }

    public Valid validate() {
        FormErrors errors = FormErrors.none();
        boolean on = isEnabled();
        List<String> list = List.of();
        if (on || (recipients != null && !recipients.isBlank())) {
            list = RuleForm.parseRecipients(errors, "recipients", recipients);
        }
        errors.throwIfAny();
        return new Valid(on, list);
    }
}
