package io.topograph.daemons;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Daemon versions as the daemon reports them ({@code 0.1.0}, {@code 1.2}, {@code 0.2.0-SNAPSHOT}):
 * dot-separated numbers compared as numbers (so 0.10.0 is newer than 0.9.3), then a release
 * counts as newer than any pre-release of the same numbers (0.2.0 is newer than 0.2.0-rc1).
 */
public final class Versions {

    /** What a daemon may report: one to four numbers, an optional -pre-release and +build. */
    public static final Pattern FORMAT = Pattern.compile("^(\\d{1,9}(?:\\.\\d{1,9}){0,3})(?:-([0-9A-Za-z.-]{1,40}))?(?:\\+[0-9A-Za-z.-]{1,40})?$");
    public static final int MAX_LENGTH = 64;

    private Versions() {
    }

    public static boolean isValid(@Nullable String version) {
        return version != null && version.length() <= MAX_LENGTH && FORMAT.matcher(version).matches();
    }

    /**
     * True when {@code version} is older than {@code latest}. Unknown or unreadable versions are
     * never called older: "outdated" is only shown when it is certain.
     */
    public static boolean isOlder(@Nullable String version, @Nullable String latest) {
        if (!isValid(version) || !isValid(latest)) {
            return false;
        }
        return compare(version, latest) < 0;
    }

    /** Compares two valid versions; negative when {@code a} is older than {@code b}. */
    public static int compare(String a, String b) {
        Matcher ma = FORMAT.matcher(a);
        Matcher mb = FORMAT.matcher(b);
        if (!ma.matches() || !mb.matches()) {
            throw new IllegalArgumentException("Not a version: " + (ma.matches() ? b : a));
        }
        String[] na = ma.group(1).split("\\.");
        String[] nb = mb.group(1).split("\\.");
        for (int i = 0; i < Math.max(na.length, nb.length); i++) {
            long x = i < na.length ? Long.parseLong(na[i]) : 0;
            long y = i < nb.length ? Long.parseLong(nb[i]) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        boolean preA = ma.group(2) != null;
        boolean preB = mb.group(2) != null;
        if (preA != preB) {
            return preA ? -1 : 1;
        }
        return 0;
    }
}
