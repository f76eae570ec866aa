package io.topograph.apikeys;

import io.micronaut.core.annotation.Nullable;
import io.topograph.networks.Network;
import io.topograph.platform.tenancy.Role;
import io.topograph.platform.web.FormErrors;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** View names and typed view models of the API keys page. */
final class ApiKeyViews {

    static final String INDEX = "apikeys/index";
    static final String LIST = "apikeys/_list :: list";
    static final String FORM = "apikeys/_form :: form";
    static final String ROW = "apikeys/_row :: row";
    static final String REVOKE = "apikeys/revoke";

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private ApiKeyViews() {
    }

    /** DOM id of a key's row, shared by the templates and htmx targets. */
    static String rowId(UUID keyId) {
        return "api-key-" + keyId;
    }

    /** A key as its table row shows it: every value already in words. */
    record KeyRow(UUID id, String domId, String name, String prefix, String role, String networks, String created,
                  String createdIso, String expires, String lastUsed, String status, String statusClass, boolean active) {

        static KeyRow of(ApiKeySummary k) {
            String networks = k.allNetworks() ? "All networks you can see"
                    : k.networks().isEmpty() ? "None (its networks were deleted)"
                    : k.networks().stream().map(ApiKeySummary.NetworkRef::name).collect(Collectors.joining(", "));
            String statusClass = switch (k.status()) {
                case ACTIVE -> "text-bg-success";
                case EXPIRED -> "text-bg-warning";
                case REVOKED -> "text-bg-secondary";
            };
            String status = switch (k.status()) {
                case ACTIVE -> "Active";
                case EXPIRED -> "Expired";
                case REVOKED -> "Revoked";
            };
            return new KeyRow(k.id(), rowId(k.id()), k.name(), k.prefix(), k.role().label(), networks, shown(k.createdAt()),
                    k.createdAt().toString(), k.expiresAt() == null ? "Never" : shown(k.expiresAt()),
                    k.lastUsedAt() == null ? "Never" : shown(k.lastUsedAt()), status, statusClass,
                    k.status() == ApiKeySummary.Status.ACTIVE);
        }

        static List<KeyRow> of(List<ApiKeySummary> keys) {
            return keys.stream().map(KeyRow::of).toList();
        }
    }

    record RoleOption(String value, String label, boolean selected) {
    }

    record NetworkOption(UUID id, String name, boolean checked) {
    }

    /** The secret of a key just created, for the shown-once panel. */
    record Created(String name, String token) {
    }

    /** The create form's choices, limited to what this member may grant. */
    record Choices(List<RoleOption> roles, List<NetworkOption> networks) {
        static Choices of(List<Role> roles, List<Network> networks, ApiKeyForm form) {
            List<String> checked = form.networkIds() == null ? List.of() : form.networkIds();
            return new Choices(
                    roles.stream().map(r -> new RoleOption(r.name(), r.label(), r.name().equalsIgnoreCase(form.role()))).toList(),
                    networks.stream().map(n -> new NetworkOption(n.id(), n.name(), checked.contains(n.id().toString()))).toList());
        }
    }

    record IndexPage(String slug, List<KeyRow> keys, ApiKeyForm form, FormErrors errors, List<RoleOption> roles,
                     List<NetworkOption> networks, @Nullable Created created, String baseUrl) {
    }

    record ListView(String slug, List<KeyRow> keys) {
    }

    record FormView(String slug, ApiKeyForm form, FormErrors errors, List<RoleOption> roles, List<NetworkOption> networks,
                    @Nullable Created created) {
    }

    record RowView(String slug, KeyRow key) {
    }

    private static String shown(Instant instant) {
        return SHOWN.format(instant);
    }
}
