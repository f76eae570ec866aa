package io.topograph.daemons;

import io.micronaut.core.annotation.Nullable;
import io.topograph.hosts.Ago;
import io.topograph.networks.Network;
import io.topograph.platform.web.FormErrors;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** View names and typed view models of a network's Daemons tab. */
final class DaemonViews {

    static final String INDEX = "daemons/index";
    static final String LIST = "daemons/_list :: list";
    static final String ROW = "daemons/_row :: row";
    static final String EDIT_ROW = "daemons/_row :: edit";
    static final String EDIT = "daemons/edit";
    static final String DELETE = "daemons/delete";
    static final String TOKENS = "daemons/_tokens :: tokens";
    static final String TOKEN_ROW = "daemons/_tokens :: row";
    static final String REVOKE = "daemons/revoke";
    static final String ADD = "daemons/_add :: add";

    /** What the "add" region shows: nothing, the form, or a secret just made. */
    enum AddMode { none, form, secret }

    private DaemonViews() {
    }

    static String rowId(UUID daemonId) {
        return "daemon-" + daemonId;
    }

    static String tokenRowId(UUID tokenId) {
        return "daemon-token-" + tokenId;
    }

    /** "in 24 h", "in 7 days": when a token stops working. */
    static String expiresIn(Instant when) {
        return expiresIn(when, Instant.now());
    }

    static String expiresIn(Instant when, Instant now) {
        long minutes = Math.max(1, Math.round(java.time.Duration.between(now, when).toSeconds() / 60.0));
        if (minutes < 120) {
            return "in " + minutes + " min";
        }
        long hours = Math.round(minutes / 60.0);
        return hours < 48 ? "in " + hours + " h" : "in " + Math.round(hours / 24.0) + " days";
    }

    record NetworkRef(UUID id, String name) {
        static NetworkRef of(Network n) {
            return new NetworkRef(n.id(), n.name());
        }
    }

    /** A daemon as its row shows it: every value already in words. */
    record DaemonRow(UUID id, String domId, String name, String hostname, String version, String status, String statusClass,
                     String statusHint, String lastHeartbeat, String lastHeartbeatExact, List<String> subnets,
                     String capabilities, String credentialPrefix, boolean integrated, boolean disabled) {

        static DaemonRow of(Daemon d, @Nullable String latestVersion, Instant now) {
            DaemonStatus status = d.status(latestVersion, now);
            String hint = status == DaemonStatus.OUTDATED
                    ? "Version " + d.version() + " is older than " + latestVersion + ", the version this server ships: update it."
                    : status.hint();
            return new DaemonRow(d.id(), rowId(d.id()), d.name(), d.hostname() == null ? "—" : d.hostname(),
                    d.version() == null ? "—" : d.version(), status.label(), status.badgeClass(), hint,
                    d.lastHeartbeatAt() == null ? "never" : Ago.relative(d.lastHeartbeatAt(), now), Ago.exact(d.lastHeartbeatAt()),
                    d.subnets().stream().map(ReportedSubnet::cidr).distinct().toList(), String.join(", ", d.capabilities()),
                    d.credentialPrefix(), d.integrated(), d.disabled());
        }

        static List<DaemonRow> of(List<Daemon> daemons, @Nullable String latestVersion) {
            Instant now = Instant.now();
            return daemons.stream().map(d -> of(d, latestVersion, now)).toList();
        }
    }

    /** An enrollment token as its row shows it. */
    record TokenRow(UUID id, String domId, String prefix, String purpose, String uses, String expires, String expiresExact,
                    String status, String statusClass, boolean active) {

        static TokenRow of(EnrollmentToken t, List<Daemon> daemons, Instant now) {
            EnrollmentToken.Status status = t.status(now);
            String purpose;
            if (t.daemonId() != null) {
                purpose = "Re-enroll " + daemons.stream().filter(d -> d.id().equals(t.daemonId())).map(Daemon::name)
                        .findFirst().orElse("a daemon");
            } else {
                purpose = t.nameHint() == null ? "New daemons" : "New daemon “" + t.nameHint() + "”";
            }
            String expires = t.expiresAt().isAfter(now) ? expiresIn(t.expiresAt(), now) : Ago.relative(t.expiresAt(), now);
            return new TokenRow(t.id(), tokenRowId(t.id()), t.prefix(), purpose, t.uses() + " / " + t.maxUses(), expires,
                    Ago.exact(t.expiresAt()), label(status), badge(status), status == EnrollmentToken.Status.ACTIVE);
        }

        static List<TokenRow> of(List<EnrollmentToken> tokens, List<Daemon> daemons) {
            Instant now = Instant.now();
            return tokens.stream().map(t -> of(t, daemons, now)).toList();
        }


        static String label(EnrollmentToken.Status s) {
            return switch (s) {
                case ACTIVE -> "Active";
                case USED_UP -> "Used up";
                case EXPIRED -> "Expired";
                case REVOKED -> "Revoked";
            };
        }

        private static String badge(EnrollmentToken.Status s) {
            return switch (s) {
                case ACTIVE -> "text-bg-success";
                case USED_UP -> "text-bg-info";
                case EXPIRED -> "text-bg-warning";
                case REVOKED -> "text-bg-secondary";
            };
        }
    }

    record ExpiryOption(String value, String label, boolean selected) {
        static List<ExpiryOption> of(TokenForm form) {
            String chosen = form.expiresIn() == null || form.expiresIn().isBlank() ? TokenExpiry.DEFAULT.value() : form.expiresIn();
            return Arrays.stream(TokenExpiry.values())
                    .map(e -> new ExpiryOption(e.value(), e.label(), e.value().equalsIgnoreCase(chosen.trim()))).toList();
        }
    }

    /** A token secret shown once, with the commands that use it. */
    record Secret(String title, String intro, String token, String prefix, String expires, InstallCommands.Commands commands,
                  boolean rekey) {
    }

    /** The daemon jar offered for download, if this build has one. */
    record Download(boolean available, String version, String sha256, String size) {
    }

    /** The add region: its mode and what each mode needs. */
    record AddRegion(AddMode addMode, TokenForm form, FormErrors errors, List<ExpiryOption> expiries, @Nullable Secret secret) {
        static AddRegion none() {
            return new AddRegion(AddMode.none, TokenForm.empty(), FormErrors.none(), ExpiryOption.of(TokenForm.empty()), null);
        }

        static AddRegion form(TokenForm form, FormErrors errors) {
            return new AddRegion(AddMode.form, form, errors, ExpiryOption.of(form), null);
        }

        static AddRegion secret(Secret secret) {
            return new AddRegion(AddMode.secret, TokenForm.empty(), FormErrors.none(), ExpiryOption.of(TokenForm.empty()), secret);
        }
    }

    record IndexPage(String slug, NetworkRef network, List<DaemonRow> daemons, List<TokenRow> tokens, boolean canManage,
                     AddMode addMode, TokenForm form, FormErrors errors, List<ExpiryOption> expiries, @Nullable Secret secret,
                     Download download, String baseUrl) {
    }

    record ListView(String slug, NetworkRef network, List<DaemonRow> daemons, boolean canManage) {
    }

    record TokensView(String slug, NetworkRef network, List<TokenRow> tokens, boolean canManage) {
    }

    record AddView(String slug, NetworkRef network, boolean canManage, AddMode addMode, TokenForm form, FormErrors errors,
                   List<ExpiryOption> expiries, @Nullable Secret secret) {
    }

    record RowView(String slug, NetworkRef network, DaemonRow d, boolean canManage, String name, FormErrors errors) {
    }

    record TokenView(String slug, NetworkRef network, TokenRow t, boolean canManage) {
    }
}
