package io.topograph.organizations;

import io.topograph.networks.NetworkSummary;
import io.topograph.platform.web.FormErrors;

import java.util.List;

final class OrganizationViews {
    static final String DASHBOARD = "organizations/dashboard";
    static final String SETTINGS = "organizations/settings";
    static final String SETTINGS_FORM = "organizations/_settings_form :: form";
    static final String NEW = "organizations/new";

    private OrganizationViews() {
    }

    record MemberLine(String name, String email, String role) {
    }

    record DashboardPage(String slug, String organizationName, List<NetworkSummary> networks, long hostCount, long serviceCount,
                         int daemonsOnline, int daemonsOffline, List<MemberLine> members, long memberCount,
                         boolean canCreateNetwork, boolean canManageMembers) {
    }

    record SettingsPage(String slug, OrganizationForm form, FormErrors errors, boolean canEdit, boolean isOwner,
                        FormErrors deleteErrors) {
    }

    record NewPage(String name, FormErrors errors) {
    }
}
