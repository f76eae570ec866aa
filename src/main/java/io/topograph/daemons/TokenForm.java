package io.topograph.daemons;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.web.Check;
import io.topograph.platform.web.FormErrors;

/**
 * "Add daemon": a new enrollment token, from the page form or the JSON API. Fields stay strings
 * so every bad value becomes a field message (422) instead of a parse failure.
 *
 * @param nameHint  optional name for the daemons that enroll with the token (else their host name)
 * @param expiresIn {@code 1h}, {@code 24h} (default), {@code 7d} or {@code 30d}
 * @param maxUses   how many daemons may enroll with it, 1 (default) to 1000
 */
@Serdeable
public record TokenForm(@Nullable String nameHint, @Nullable String expiresIn, @Nullable String maxUses) {

    public static final int NAME_MAX = 80;
    public static final int MAX_USES = 1000;

    public static TokenForm empty() {
        return new TokenForm("", TokenExpiry.DEFAULT.value(), "1");
    }

    /** A checked request, ready to store. */
    public record Valid(@Nullable String nameHint, TokenExpiry expiry, int maxUses) {
    }

    public Valid validate() {
        FormErrors errors = FormErrors.none();
        String hint = Check.trim(nameHint);
        Check.maxLength(errors, "nameHint", hint, NAME_MAX);
        TokenExpiry expiry = TokenExpiry.DEFAULT;
        if (expiresIn != null && !expiresIn.isBlank()) {
            expiry = TokenExpiry.parse(expiresIn);
            if (expiry == null) {
                errors.add("expiresIn", "Choose 1h, 24h, 7d or 30d.");
            }
        }
        int uses = 1;
        if (maxUses != null && !maxUses.isBlank()) {
            String m = maxUses.trim();
            if (!m.matches("\\d{1,4}") || Integer.parseInt(m) < 1 || Integer.parseInt(m) > MAX_USES) {
                errors.add("maxUses", "Enter a whole number from 1 to " + MAX_USES + ".");
            } else {
                uses = Integer.parseInt(m);
            }
        }
        errors.throwIfAny();
        return new Valid(hint == null || hint.isEmpty() ? null : hint, expiry, uses);
    }
}
