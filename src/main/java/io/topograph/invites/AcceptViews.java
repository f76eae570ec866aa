package io.topograph.invites;

import io.micronaut.core.annotation.Nullable;
import io.topograph.platform.web.FormErrors;

import java.util.List;

/** View name and model of the invite link page. */
final class AcceptViews {

    static final String ACCEPT = "invites/accept";

    private AcceptViews() {
    }

    /** What the link page offers, depending on the link and on who opens it. */
    enum State {
        /** Nobody is logged in and no account has the invited address: create one. */
        SIGN_UP,
        /** Nobody is logged in but the invited address has an account: log in first. */
        LOG_IN,
        /** The invited person is logged in: one button. */
        ACCEPT,
        /** Someone else is logged in. */
        WRONG_ACCOUNT,
        /** Expired, revoked or used (410). */
        GONE
    }

    record AcceptPage(String token, State state, String organizationName, String email, String role, List<String> networks,
                      String invitedBy, String expires, @Nullable String signedInEmail, @Nullable String message,
                      String name, FormErrors errors) {
    }
}
