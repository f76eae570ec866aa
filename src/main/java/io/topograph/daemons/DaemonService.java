package io.topograph.daemons;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.networks.Network;
import io.topograph.networks.NetworkService;
import io.topograph.platform.daemonjar.DaemonJar;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.Check;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.NotFoundException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/**
 * Daemon management. Reads go through the member's network access (a daemon of a network they
 * cannot see answers 404, like the network); changes are for Owners and Admins (403 otherwise).
 */
@Singleton
public class DaemonService {

    public static final int NAME_MAX = 80;

    private final DaemonStore daemons;
    private final EnrollmentTokenService tokens;
    private final NetworkService networks;
    private final DaemonJar jar;

    public DaemonService(DaemonStore daemons, EnrollmentTokenService tokens, NetworkService networks, DaemonJar jar) {
        this.daemons = daemons;
        this.tokens = tokens;
        this.networks = networks;
        this.jar = jar;
    }

    /** A network and its daemons. */
    public record Listing(Network network, List<Daemon> daemons) {
    }

    /** A rotated daemon and the token that re-enrolls it (its secret shown once). */
    public record Rotation(Daemon daemon, CreatedToken token) {
    }

    public static boolean canManage(CurrentMember member) {
        return DaemonAccess.canManage(member);
    }

    /** The version of the daemon jar this server ships, if it ships one. */
    @Nullable
    public String latestVersion() {
        return jar.get().map(DaemonJar.Extracted::version).orElse(null);
    }

    /** The daemon jar this server offers for download, if its build has one. */
    public java.util.Optional<DaemonJar.Extracted> bundledJar() {
        return jar.get();
    }

    /** A network the member sees, or 404. */
    @Transactional(readOnly = true)
    public Network network(CurrentMember member, UUID networkId) {
        return networks.findVisible(member, networkId);
    }

    @Transactional(readOnly = true)
    public Listing list(CurrentMember member, UUID networkId) {
        Network network = networks.findVisible(member, networkId);
        return new Listing(network, daemons.listByNetwork(member.organizationId(), networkId));
    }

    /** A daemon of a network the member sees, or 404. */
    @Transactional(readOnly = true)
    public Daemon get(CurrentMember member, UUID daemonId) {
        Daemon daemon = daemons.find(member.organizationId(), daemonId).orElseThrow(DaemonService::notFound);
        if (!member.canSee(daemon.networkId())) {
            throw notFound();
        }
        return daemon;
    }

    /** A daemon of the given (visible) network, or 404: page URLs name both. */
    @Transactional(readOnly = true)
    public Daemon getInNetwork(CurrentMember member, UUID networkId, UUID daemonId) {
        networks.findVisible(member, networkId);
        Daemon daemon = get(member, daemonId);
        if (!daemon.networkId().equals(networkId)) {
            throw notFound();
        }
        return daemon;
    }

    @Transactional
    public Daemon rename(CurrentMember member, UUID daemonId, @Nullable String name) {
        Daemon daemon = get(member, daemonId);
        DaemonAccess.requireManage(member);
        String n = validName(name);
        daemons.rename(member.organizationId(), daemon.id(), n);
        return reload(member, daemon);
    }

    @Transactional
    public Daemon setDisabled(CurrentMember member, UUID daemonId, boolean disabled) {
        Daemon daemon = get(member, daemonId);
        DaemonAccess.requireManage(member);
        daemons.setDisabled(member.organizationId(), daemon.id(), disabled);
        return reload(member, daemon);
    }

    /** Name and/or disabled flag at once (the API's PATCH); nothing is written unless both are valid. */
    @Transactional
    public Daemon patch(CurrentMember member, UUID daemonId, DaemonPatch patch) {
        Daemon daemon = get(member, daemonId);
        DaemonAccess.requireManage(member);
        FormErrors errors = FormErrors.none();
        if (patch.name() == null && patch.disabled() == null) {
            errors.add("name", "Send a new name, disabled (true or false), or both.");
        }
        String name = Check.trim(patch.name());
        if (patch.name() != null) {
            Check.required(errors, "name", name, NAME_MAX);
        }
        Boolean disabled = null;
        if (patch.disabled() != null) {
            disabled = switch (patch.disabled()) {
                case "true" -> true;
                case "false" -> false;
                default -> {
                    errors.add("disabled", "Use true or false.");
                    yield null;
                }
            };
        }
        errors.throwIfAny();
        if (patch.name() != null) {
            daemons.rename(member.organizationId(), daemon.id(), name);
        }
        if (disabled != null) {
            daemons.setDisabled(member.organizationId(), daemon.id(), disabled);
        }
        return reload(member, daemon);
    }

    /**
     * Replaces the daemon's credential with one nobody knows (the daemon gets 401 from now on)
     * and makes a single-use token that re-enrolls this same daemon.
     */
    @Transactional
    public Rotation rotate(CurrentMember member, UUID daemonId) {
        Daemon daemon = get(member, daemonId);
        DaemonAccess.requireManage(member);
        if (daemon.integrated()) {
            // Nobody could run the re-enroll command for it: the server holds its credential.
            throw new io.topograph.platform.web.ConflictException("The integrated daemon's credential is kept by the server itself;"
                    + " to start it afresh, delete it and pair it again.");
        }
        DaemonSecrets.Secret unknown = DaemonSecrets.newCredential();
        daemons.replaceCredential(member.organizationId(), daemon.id(), unknown.hash(), unknown.prefix());
        CreatedToken token = tokens.createRekey(member, daemon);
        return new Rotation(reload(member, daemon), token);
    }

    @Transactional
    public Daemon delete(CurrentMember member, UUID daemonId) {
        Daemon daemon = get(member, daemonId);
        DaemonAccess.requireManage(member);
        daemons.delete(member.organizationId(), daemon.id());
        return daemon;
    }

    private Daemon reload(CurrentMember member, Daemon daemon) {
        return daemons.find(member.organizationId(), daemon.id()).orElseThrow(DaemonService::notFound);
    }

    private static String validName(@Nullable String name) {
        String n = Check.trim(name);
        FormErrors errors = FormErrors.none();
        Check.required(errors, "name", n, NAME_MAX);
        errors.throwIfAny();
        return n;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("Daemon not found");
    }
}
