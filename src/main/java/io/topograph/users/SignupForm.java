package io.topograph.users;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.organizations.OrganizationService;
import io.topograph.platform.web.Check;
import io.topograph.platform.web.FormErrors;

/** The sign-up form: the account and the organization it creates. */
@Serdeable
public record SignupForm(@Nullable String name, @Nullable String email, @Nullable String password,
                         @Nullable String organization) {

    public static final int NAME_MAX = 100;

    public static SignupForm empty() {
        return new SignupForm("", "", "", "");
    }

    public SignupForm normalized() {
        return new SignupForm(Check.trim(name), email == null ? null : email.trim(), password,
                Check.trim(organization));
    }

    public FormErrors validate() {
        FormErrors errors = FormErrors.none();
        Check.required(errors, "name", name, NAME_MAX);
        Check.email(errors, "email", email);
        Check.password(errors, "password", password);
        OrganizationService.checkName(errors, "organization", organization);
        return errors;
    }

    /** The same form without the password, for re-rendering after an error. */
    public SignupForm withoutPassword() {
        return new SignupForm(name, email, "", organization);
    }
}
