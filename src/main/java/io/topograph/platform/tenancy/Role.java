package io.topograph.platform.tenancy;

/** Roles within one organization, from most to least powerful. */
public enum Role {
    OWNER("Owner"), ADMIN("Admin"), MEMBER("Member"), VIEWER("Viewer");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Owners and Admins see every network; Members and Viewers only the ones granted. */
    public boolean seesAllNetworks() {
        return this == OWNER || this == ADMIN;
    }

    public boolean canWrite() {
        return this != VIEWER;
    }

    public boolean canManageMembers() {
        return this == OWNER || this == ADMIN;
    }

    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }

    /** The weaker of two roles: an API key never exceeds its user's role. */
    public static Role weaker(Role a, Role b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    public static Role parse(String value) {
        if (value == null) {
            return null;
        }
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(value.trim())) {
                return r;
            }
        }
        return null;
    }
}
