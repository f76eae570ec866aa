package io.topograph.hosts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.web.Check;
import io.topograph.platform.web.FormErrors;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Create or edit a host, from the page forms or the JSON API.
 *
 * @param ip     only when creating: an IPv4 or IPv6 literal for the host's first interface
 * @param hidden API updates only; null leaves it as it is
 * @param tagIds tags to apply; null leaves the host's tags as they are (API updates)
 */
@Serdeable
public record HostForm(@Nullable String name, @Nullable String hostname, @Nullable String description, @Nullable String ip,
                       @Nullable Boolean hidden, @Nullable List<String> tagIds) {

    public static final int NAME_MAX = 120;
    public static final int HOSTNAME_MAX = 253;
    public static final int DESCRIPTION_MAX = 2000;
    /** DNS-style labels (underscores allowed, as Windows and mDNS names use them); a trailing dot is fine. */
    private static final Pattern HOSTNAME = Pattern.compile(
            "^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?$");

    public static HostForm empty() {
        return new HostForm("", "", "", "", null, List.of());
    }

    /** Trims every field; blank optional fields become null (description becomes empty). */
    public HostForm normalized() {
        return new HostForm(Check.trim(name), blankToNull(hostname), description == null ? "" : description.trim(),
                blankToNull(ip), hidden, tagIds);
    }

    /** Checks a normalized form; {@code creating} allows (and checks) the address. */
    public FormErrors validate(boolean creating) {
        FormErrors errors = FormErrors.none();
        Check.required(errors, "name", name, NAME_MAX);
        if (hostname != null) {
            Check.maxLength(errors, "hostname", hostname, HOSTNAME_MAX);
            if (!errors.has("hostname") && !HOSTNAME.matcher(hostname).matches()) {
                errors.add("hostname", "Use a host name like nas.example.lan: letters, digits, dashes and dots.");
            }
        }
        Check.maxLength(errors, "description", description, DESCRIPTION_MAX);
        if (creating) {
            if (ip != null && !IpLiteral.isValid(ip)) {
                errors.add("ip", "Enter an IPv4 or IPv6 address such as 192.168.1.20 or fd00::20 (names are not looked up).");
            }
        } else if (ip != null) {
            errors.add("ip", "Addresses are set when a host is created; they cannot be changed here.");
        }
        return errors;
    }

    public HostForm withTagIds(List<String> ids) {
        return new HostForm(name, hostname, description, ip, hidden, ids);
    }

    @Nullable
    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
