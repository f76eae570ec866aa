package io.topograph.organizations;

import io.topograph.platform.web.AsciiSlug;

import java.util.Set;
import java.util.regex.Pattern;

/** URL slugs for organizations: lower-case letters, digits and single dashes. */
public final class Slugs {

    public static final int MIN = 3;
    public static final int MAX = 40;
    private static final Pattern VALID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    /** Slugs that would read like product paths. */
    private static final Set<String> RESERVED = Set.of("new", "admin", "api", "settings", "login", "logout", "signup", "www", "app");

    private Slugs() {
    }

    /** A slug suggestion from a display name: "Acme Networks, Inc." becomes "acme-networks-inc". */
    public static String fromName(String name) {
        String slug = AsciiSlug.of(name, MAX);
        if (slug.length() < MIN || RESERVED.contains(slug)) {
            slug = (slug.isEmpty() ? "org" : slug) + "-team";
        }
        return slug;
    }

    /** Why a slug is unacceptable, or null when it is fine. */
    public static String problem(String slug) {
        if (slug == null || slug.isBlank()) {
            return "This field is required.";
        }
        if (slug.length() < MIN || slug.length() > MAX) {
            return "Use " + MIN + " to " + MAX + " characters.";
        }
        if (!VALID.matcher(slug).matches()) {
            return "Use lower-case letters, digits and single dashes (like acme-networks).";
        }
        if (RESERVED.contains(slug)) {
            return "This address is reserved; choose another.";
        }
        return null;
    }
}
