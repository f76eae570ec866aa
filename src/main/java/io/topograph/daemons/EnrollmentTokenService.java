package io.topograph.daemons;

import io.micronaut.transaction.annotation.Transactional;
import io.topograph.networks.Network;
import io.topograph.networks.NetworkService;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.NotFoundException;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Enrollment tokens of a network: listed to whoever sees it, made and revoked by Owners and Admins. */
@Singleton
public class EnrollmentTokenService {

    /** How long the re-enroll token of a credential rotation works. */
    static final Duration REKEY_EXPIRY = Duration.ofHours(24);

    private final EnrollmentTokenStore tokens;
    private final NetworkService networks;

    public EnrollmentTokenService(EnrollmentTokenStore tokens, NetworkService networks) {
        this.tokens = tokens;
        this.networks = networks;
    }

    @Transactional(readOnly = true)
    public List<EnrollmentToken> list(CurrentMember member, UUID networkId) {
        networks.findVisible(member, networkId);
        return tokens.listByNetwork(member.organizationId(), networkId);
    }

    @Transactional
    public CreatedToken create(CurrentMember member, UUID networkId, TokenForm form) {
        Network network = networks.findVisible(member, networkId);
        DaemonAccess.requireManage(member);
        TokenForm.Valid valid = form.validate();
        return insert(member, network.id(), valid.nameHint(), valid.maxUses(), valid.expiry().duration(), null);
    }

    @Transactional
    public EnrollmentToken revoke(CurrentMember member, UUID networkId, UUID tokenId) {
        networks.findVisible(member, networkId);
        EnrollmentToken token = tokens.find(member.organizationId(), tokenId)
                .filter(t -> t.networkId().equals(networkId))
                .orElseThrow(() -> new NotFoundException("Enrollment token not found"));
        DaemonAccess.requireManage(member);
        tokens.revoke(member.organizationId(), tokenId, Instant.now());
        return tokens.find(member.organizationId(), tokenId).orElseThrow();
    }

    /** The single-use token that re-keys {@code daemon}; earlier unused ones stop working. */
    @Transactional
    CreatedToken createRekey(CurrentMember member, Daemon daemon) {
        tokens.revokeUnusedBoundTo(member.organizationId(), daemon.id(), Instant.now());
        return insert(member, daemon.networkId(), null, 1, REKEY_EXPIRY, daemon.id());
    }

    private CreatedToken insert(CurrentMember member, UUID networkId, String nameHint, int maxUses, Duration expiry, UUID daemonId) {
        DaemonSecrets.Secret secret = DaemonSecrets.newToken();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        EnrollmentToken token = new EnrollmentToken(UUID.randomUUID(), member.organizationId(), networkId, secret.prefix(),
                nameHint, maxUses, 0, now.plus(expiry), null, daemonId, now);
        tokens.insert(token, secret.hash(), member.userId(), false);
        return new CreatedToken(secret.value(), token);
    }
}
