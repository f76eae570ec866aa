package io.topograph.daemons.api;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.daemons.DaemonEnrolled;
import io.topograph.daemons.DaemonSecrets;
import io.topograph.daemons.DaemonService;
import io.topograph.daemons.DaemonStore;
import io.topograph.daemons.EnrollmentToken;
import io.topograph.daemons.EnrollmentTokenStore;
import io.topograph.platform.security.SecureTokens;
import io.topograph.platform.web.Check;
import io.topograph.platform.web.ConflictException;
import io.topograph.platform.web.FormErrors;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Exchanges an enrollment token for a daemon credential. The body is checked completely first
 * (422), then the token (401); only then is anything written, in one transaction that holds the
 * token's row lock, so a token's last use goes to exactly one daemon.
 * <ul>
 *   <li>Same token and instance again (a retry after a lost answer): the same daemon, a new
 *       credential, no further use of the token.</li>
 *   <li>A token bound to a daemon (made by a credential rotation): re-keys that daemon.</li>
 *   <li>An instance already enrolled in the network with another token (a re-install that kept
 *       its state): re-keys that daemon.</li>
 *   <li>Otherwise a new daemon, named by the token's name hint, else the daemon's own name,
 *       else its host name.</li>
 * </ul>
 */
@Singleton
public class EnrollmentService {

    private final EnrollmentTokenStore tokens;
    private final DaemonStore daemons;
    private final ApplicationEventPublisher<DaemonEnrolled> enrolled;

    public EnrollmentService(EnrollmentTokenStore tokens, DaemonStore daemons, ApplicationEventPublisher<DaemonEnrolled> enrolled) {
        this.tokens = tokens;
        this.daemons = daemons;
        this.enrolled = enrolled;
    }

    private record Valid(String token, UUID instanceId, @Nullable String name, String hostname, String version,
                         List<String> capabilities) {
    }

    @Transactional
    public EnrollResponse enroll(EnrollRequest request) {
        Valid r = validate(request);
        EnrollmentToken token = usableToken(r.token());
        UUID org = token.organizationId();
        DaemonSecrets.Secret credential = DaemonSecrets.newCredential();

        Optional<UUID> retry = daemons.findEnrolledWith(org, token.id(), r.instanceId());
        UUID daemonId;
        if (retry.isPresent()) {
            daemonId = retry.get();
            rekey(token, daemonId, r, credential);
        } else {
            if (token.uses() >= token.maxUses()) {
                throw new EnrollmentRefusedException("The enrollment token is used up. Create a new one on the network's Daemons page.");
            }
            Optional<UUID> existing = token.daemonId() != null ? Optional.of(token.daemonId())
                    : daemons.findByInstance(org, token.networkId(), r.instanceId());
            if (existing.isPresent()) {
                daemonId = existing.get();
                rekey(token, daemonId, r, credential);
            } else {
                daemonId = UUID.randomUUID();
                daemons.insert(org, daemonId, token.networkId(), nameFor(token, r), r.instanceId(), token.id(),
                        credential.hash(), credential.prefix(), r.hostname(), r.version(), r.capabilities());
                enrolled.publishEvent(new DaemonEnrolled(org, token.networkId(), daemonId));
            }
            tokens.use(org, token.id());
        }
        String networkName = daemons.networkName(org, token.networkId()).orElseThrow();
        return new EnrollResponse(daemonId, credential.value(), token.networkId(), networkName,
                DaemonProtocol.HEARTBEAT_SECONDS, DaemonProtocol.LEASE_SECONDS);
    }

    private EnrollmentToken usableToken(String secret) {
        Optional<EnrollmentToken> found = secret.startsWith(DaemonSecrets.TOKEN_PREFIX) && secret.length() <= DaemonSecrets.MAX_LENGTH
                ? tokens.lockByHash(SecureTokens.sha256(secret)) : Optional.empty();
        EnrollmentToken token = found.orElseThrow(() -> new EnrollmentRefusedException(
                "The enrollment token is unknown. Copy the install command again from the network's Daemons page."));
        if (token.revokedAt() != null) {
            throw new EnrollmentRefusedException("The enrollment token was revoked. Create a new one on the network's Daemons page.");
        }
        if (!token.expiresAt().isAfter(Instant.now())) {
            throw new EnrollmentRefusedException("The enrollment token has expired. Create a new one on the network's Daemons page.");
        }
        return token;
    }

    private void rekey(EnrollmentToken token, UUID daemonId, Valid r, DaemonSecrets.Secret credential) {
        Optional<UUID> holder = daemons.findByInstance(token.organizationId(), token.networkId(), r.instanceId());
        if (holder.isPresent() && !holder.get().equals(daemonId)) {
            throw new ConflictException("Another daemon of this network already uses instance id " + r.instanceId()
                    + "; generate a new instance id (remove the daemon's state file) and enroll again.");
        }
        daemons.rekey(token.organizationId(), daemonId, r.instanceId(), token.id(), credential.hash(), credential.prefix(),
                r.hostname(), r.version(), r.capabilities());
    }

    private static String nameFor(EnrollmentToken token, Valid r) {
        String name = token.nameHint() != null ? token.nameHint() : r.name() != null ? r.name() : r.hostname();
        return name.length() > DaemonService.NAME_MAX ? name.substring(0, DaemonService.NAME_MAX) : name;
    }

    private static Valid validate(EnrollRequest request) {
        FormErrors errors = FormErrors.none();
        if (request.token() == null || request.token().isBlank()) {
            errors.add("token", "This field is required.");
        }
        UUID instanceId = DaemonFields.uuid(errors, "instanceId", request.instanceId(), true);
        String name = Check.trim(request.name());
        Check.maxLength(errors, "name", name, DaemonService.NAME_MAX);
        DaemonFields.hostname(errors, request.hostname(), true);
        DaemonFields.version(errors, request.version());
        List<String> capabilities = DaemonFields.capabilities(errors, request.capabilities());
        errors.throwIfAny();
        return new Valid(request.token().trim(), instanceId, name == null || name.isEmpty() ? null : name,
                request.hostname(), request.version(), capabilities);
    }
}
