package io.topograph.apikeys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.tenancy.Role;
import io.topograph.platform.web.Check;
import io.topograph.platform.web.FormErrors;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Create a key, from the settings form or the JSON API. Fields stay strings so that every bad
 * value becomes a field message (422) rather than a parse failure.
 *
 * @param role       Owner, Admin, Member or Viewer (any case); blank means the user's own role
 * @param networkIds the networks the key is limited to; none means every network the user can see
 * @param expiresAt  an ISO-8601 date-time with offset ({@code 2027-01-31T18:00:00Z}), or a date
 *                   ({@code 2027-01-31}: the key works until that day ends, 23:59:59 UTC); blank means never
 */
@Serdeable
public record ApiKeyForm(@Nullable String name, @Nullable String role, @Nullable List<String> networkIds,
                         @Nullable String expiresAt) {

    public static final int NAME_MAX = 80;
    static final int NETWORKS_MAX = 500;
    static final Duration EXPIRY_MAX = Duration.ofDays(3660);

    static ApiKeyForm empty(Role role) {
        return new ApiKeyForm("", role.name(), List.of(), "");
    }

    /** A checked request, ready to store. */
    record Valid(String name, Role role, Set<UUID> networkIds, @Nullable Instant expiresAt) {
    }

    /**
     * Checks every field at once.
     *
     * @param ceiling         the user's own role in the organization
     * @param visibleNetworks the networks the user may see (a key may be limited to some of them)
     */
    Valid validate(Role ceiling, Set<UUID> visibleNetworks, Instant now) {
        FormErrors errors = FormErrors.none();
        String n = Check.trim(name);
        Check.required(errors, "name", n, NAME_MAX);

        Role r = ceiling;
        if (role != null && !role.isBlank()) {
            r = Role.parse(role);
            if (r == null) {
                errors.add("role", "Choose one of Owner, Admin, Member or Viewer.");
            } else if (!ceiling.atLeast(r)) {
                errors.add("role", "A key cannot have more rights than your own role (" + ceiling.label()
                        + ") in this organization.");
            }
        }

        Set<UUID> networks = new LinkedHashSet<>();
        List<String> ids = networkIds == null ? List.of() : networkIds;
        if (ids.size() > NETWORKS_MAX) {
            errors.add("networkIds", "Choose at most " + NETWORKS_MAX + " networks.");
        } else {
            for (String id : ids) {
                if (id == null || id.isBlank()) {
                    continue;
                }
                UUID parsed = parseUuid(id.trim());
                if (parsed == null || !visibleNetworks.contains(parsed)) {
                    // The same answer for a malformed id, another organization's and an invisible one.
                    errors.add("networkIds", "Choose only networks you can see in this organization.");
                    break;
                }
                networks.add(parsed);
            }
        }

        Instant expiry = null;
        if (expiresAt != null && !expiresAt.isBlank()) {
            expiry = parseExpiry(expiresAt.trim());
            if (expiry == null) {
                errors.add("expiresAt", "Use a date like 2027-01-31 or a date-time like 2027-01-31T18:00:00Z.");
            } else if (!expiry.isAfter(now)) {
                errors.add("expiresAt", "The expiry must be in the future.");
            } else if (expiry.isAfter(now.plus(EXPIRY_MAX))) {
                errors.add("expiresAt", "Choose an expiry within 10 years, or none.");
            }
        }
        errors.throwIfAny();
        return new Valid(n, r, networks, expiry);
    }

    @Nullable
    static Instant parseExpiry(String value) {
        try {
            if (value.length() <= 10) {
                // A day: the key works until that day ends (UTC).
                return LocalDate.parse(value).atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Nullable
    private static UUID parseUuid(String value) {
        try {
            UUID id = UUID.fromString(value);
            // UUID.fromString accepts short forms like "1-1-1-1-1"; only the canonical form is an id.
            return id.toString().equalsIgnoreCase(value) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
