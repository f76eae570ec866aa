package io.topograph.platform.web;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * What the shared layouts need on every page: the signed-in user, the organization in view
 * (with the switcher's list), the CSRF token, and a one-shot flash message.
 */
public record LayoutModel(@Nullable User user,
                          @Nullable Organization organization,
                          List<Organization> organizations,
                          String csrfToken,
                          @Nullable Flash.Message flash,
                          boolean devMailbox,
                          String htmxVersion,
                          String bootstrapVersion,
                          String bootstrapIconsVersion) {

    public record User(String name, String email) {
    }

    /** @param role the member's role label in this organization */
    public record Organization(String name, String slug, String role, boolean canWrite, boolean canManageMembers,
                               boolean isOwner) {
    }

    public boolean signedIn() {
        return user != null;
    }
}
