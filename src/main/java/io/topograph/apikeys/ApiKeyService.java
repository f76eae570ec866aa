package io.topograph.apikeys;

import io.micronaut.transaction.annotation.Transactional;
import io.topograph.networks.Network;
import io.topograph.networks.NetworkService;
import io.topograph.platform.security.SecureTokens;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.tenancy.Role;
import io.topograph.platform.web.ForbiddenException;
import io.topograph.platform.web.NotFoundException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** API-key use cases for the signed-in user's own keys in the current organization. */
@Singleton
public class ApiKeyService {

    /** Every secret starts with this, so leaked keys are easy to recognise (and scan for). */
    public static final String TOKEN_PREFIX = "tg_";
    /** How much of the secret is kept to tell keys apart: "tg_" and 7 random characters. */
    static final int DISPLAY_PREFIX_LENGTH = 10;

    private final ApiKeyRepository keys;
    private final NetworkService networks;

    public ApiKeyService(ApiKeyRepository keys, NetworkService networks) {
        this.keys = keys;
        this.networks = networks;
    }

    @Transactional(readOnly = true)
    public List<ApiKeySummary> list(CurrentMember member) {
        Map<UUID, List<ApiKeySummary.NetworkRef>> scopes = keys
                .findNetworksByOrganizationIdAndUserId(member.organizationId(), member.userId()).stream()
                .collect(Collectors.groupingBy(ApiKeyNetwork::apiKeyId, Collectors.mapping(
                        n -> new ApiKeySummary.NetworkRef(n.networkId(), n.networkName()), Collectors.toList())));
        Instant now = Instant.now();
        return keys.findAllByOrganizationIdAndUserId(member.organizationId(), member.userId()).stream()
                .map(k -> ApiKeySummary.of(k, scopes.getOrDefault(k.id(), List.of()), now))
                .toList();
    }

    /** One of the member's own keys, or 404. */
    @Transactional(readOnly = true)
    public ApiKeySummary get(CurrentMember member, UUID id) {
        return list(member).stream().filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("API key not found"));
    }

    /** The roles a new key of this member may have: their own and every weaker one. */
    public static List<Role> grantableRoles(CurrentMember member) {
        return Arrays.stream(Role.values()).filter(r -> member.role().atLeast(r)).toList();
    }

    /** The networks a new key of this member may be limited to. */
    @Transactional(readOnly = true)
    public List<Network> scopableNetworks(CurrentMember member) {
        return networks.visibleNetworks(member);
    }

    /**
     * Creates a key and returns its secret, which is not kept. Only a browser session may do
     * this: a key that could mint keys would outlive its own revocation.
     */
    @Transactional
    public CreatedApiKey create(CurrentMember member, ApiKeyForm form) {
        if (member.apiKeyId() != null) {
            throw new ForbiddenException("An API key cannot create API keys. Sign in to Topograph and create the key"
                    + " on the API keys page (or call this endpoint from your signed-in browser session).");
        }
        Set<UUID> visible = scopableNetworks(member).stream().map(Network::id).collect(Collectors.toSet());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ApiKeyForm.Valid valid = form.validate(member.role(), visible, now);
        String token = TOKEN_PREFIX + SecureTokens.random();
        ApiKey key = keys.save(new ApiKey(UUID.randomUUID(), member.organizationId(), member.userId(), valid.name(),
                token.substring(0, DISPLAY_PREFIX_LENGTH), SecureTokens.sha256(token), valid.role(),
                valid.networkIds().isEmpty(), now, valid.expiresAt(), null, null));
        valid.networkIds().forEach(networkId -> keys.grantNetwork(member.organizationId(), key.id(), networkId));
        return new CreatedApiKey(token, get(member, key.id()));
    }

    /** Revokes one of the member's own keys; revoking a revoked key changes nothing. */
    @Transactional
    public ApiKeySummary revoke(CurrentMember member, UUID id) {
        keys.findByOrganizationIdAndUserIdAndId(member.organizationId(), member.userId(), id)
                .orElseThrow(() -> new NotFoundException("API key not found"));
        keys.revoke(member.organizationId(), member.userId(), id, Instant.now());
        return get(member, id);
    }
}
