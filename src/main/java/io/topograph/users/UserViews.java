package io.topograph.users;

import io.micronaut.core.annotation.Nullable;
import io.topograph.platform.web.FormErrors;

/** View names and view models of the account pages. */
final class UserViews {
    static final String SIGNUP = "users/signup";
    static final String LOGIN = "users/login";
    static final String FORGOT = "users/forgot";
    static final String RESET = "users/reset";
    static final String VERIFIED = "users/verified";
    static final String ACCOUNT = "users/account";
    static final String PROFILE_FORM = "users/_profile :: form";
    static final String PASSWORD_FORM = "users/_password :: form";

    private UserViews() {
    }

    record SignupPage(SignupForm form, FormErrors errors) {
    }

    record LoginPage(String email, @Nullable String error, @Nullable String next) {
    }

    record ForgotPage(String email, FormErrors errors, boolean sent) {
    }

    record ResetPage(String token, boolean valid, FormErrors errors) {
    }

    record VerifiedPage(boolean ok) {
    }

    record AccountPage(ProfileForm profile, FormErrors profileErrors, FormErrors passwordErrors, boolean emailVerified,
                       int activeSessions) {
    }
}
