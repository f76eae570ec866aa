package io.topograph.invites;

import io.micronaut.core.annotation.Nullable;
import io.topograph.platform.security.SecureTokens;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Finds an invite by the token from its link. This is the one invite lookup without an
 * organization id: the token is the credential, and the invite it finds names its organization.
 */
@Singleton
// Joins the caller's transaction, so a row locked here stays locked until the caller commits.
@io.micronaut.transaction.annotation.Transactional
public class InviteTokens {

    private static final int MAX_LENGTH = 100;

    private final InviteRepository invites;

    public InviteTokens(InviteRepository invites) {
        this.invites = invites;
    }

    /** The invite of any state (pending, expired, accepted, revoked) for a token, or empty. */
    public Optional<Invite> find(@Nullable String token) {
        return lookup(token, "");
    }

    /** Like {@link #find} and locks the invite row, so two acceptances of one link run one after the other. */
    public Optional<Invite> findForUpdate(@Nullable String token) {
        return lookup(token, " for update of i");
    }

    private Optional<Invite> lookup(@Nullable String token, String suffix) {
        if (token == null || token.isBlank() || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return invites.query(InviteRepository.SELECT + "where i.token_hash = ?" + suffix, (Object) SecureTokens.sha256(token))
                .stream().findFirst();
    }
}
