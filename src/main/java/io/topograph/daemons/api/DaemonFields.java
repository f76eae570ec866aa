package io.topograph.daemons.api;

import io.micronaut.core.annotation.Nullable;
import io.topograph.daemons.Versions;
import io.topograph.platform.web.Check;
import io.topograph.platform.web.FormErrors;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks shared by the daemon API's bodies; field names are the JSON names, as the protocol's errors show them. */
final class DaemonFields {

    static final int HOSTNAME_MAX = 253;
    static final int CAPABILITIES_MAX = 32;
    private static final Pattern CAPABILITY = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,39}$");

    private DaemonFields() {
    }

    static void version(FormErrors errors, @Nullable String version) {
        if (version == null || version.isBlank()) {
            errors.add("version", "This field is required.");
        } else if (!Versions.isValid(version)) {
            errors.add("version", "is not a version like 0.1.0");
        }
    }

    /** A host name as the kernel reports it: printable, no spaces. */
    static void hostname(FormErrors errors, @Nullable String hostname, boolean required) {
        if (hostname == null || hostname.isEmpty()) {
            if (required) {
                errors.add("hostname", "This field is required.");
            }
            return;
        }
        if (hostname.length() > HOSTNAME_MAX) {
            errors.add("hostname", "Use at most " + HOSTNAME_MAX + " characters.");
        } else if (!hostname.chars().allMatch(c -> c > 0x20 && c != 0x7f)) {
            errors.add("hostname", "may not contain spaces or control characters");
        }
    }

    /** The daemon's capabilities, de-duplicated in their order; null means none. */
    static List<String> capabilities(FormErrors errors, @Nullable List<String> capabilities) {
        List<String> out = new ArrayList<>();
        if (capabilities == null) {
            return out;
        }
        if (capabilities.size() > CAPABILITIES_MAX) {
            errors.add("capabilities", "List at most " + CAPABILITIES_MAX + " capabilities.");
            return out;
        }
        for (int i = 0; i < capabilities.size(); i++) {
            String c = capabilities.get(i);
            if (c == null || !CAPABILITY.matcher(c).matches()) {
                errors.add("capabilities[" + i + "]", "is not a capability name like tcp-connect");
            } else if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    @Nullable
    static UUID uuid(FormErrors errors, String field, @Nullable String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "This field is required.");
            }
            return null;
        }
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        errors.add(field, "is not a UUID");
        return null;
    }

    static void text(FormErrors errors, String field, @Nullable String value, int max) {
        Check.maxLength(errors, field, value, max);
    }
}
