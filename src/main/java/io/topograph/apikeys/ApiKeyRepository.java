package io.topograph.apikeys;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Keys of one user in one organization; the bearer-token lookup lives in {@link ApiKeyBearerResolver}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ApiKeyRepository extends GenericRepository<ApiKey, UUID> {

    ApiKey save(ApiKey key);

    Optional<ApiKey> findByOrganizationIdAndUserIdAndId(UUID organizationId, UUID userId, UUID id);

    /** Active keys first, newest first. */
    @Query("select * from user_api_keys where organization_id = :organizationId and user_id = :userId"
            + " order by (revoked_at is not null), created_at desc, id")
    List<ApiKey> findAllByOrganizationIdAndUserId(UUID organizationId, UUID userId);

    @Query("update user_api_keys set revoked_at = :revokedAt"
            + " where organization_id = :organizationId and user_id = :userId and id = :id and revoked_at is null")
    void revoke(UUID organizationId, UUID userId, UUID id, Instant revokedAt);

    @Query("insert into api_key_network_access (organization_id, api_key_id, network_id) values (:organizationId, :apiKeyId, :networkId)")
    void grantNetwork(UUID organizationId, UUID apiKeyId, UUID networkId);

    /** The scoped networks of every key of one user in one organization, by network name. */
    @Query("select a.api_key_id, n.id as network_id, n.name as network_name from api_key_network_access a"
            + " join user_api_keys k on k.organization_id = a.organization_id and k.id = a.api_key_id"
            + " join networks n on n.organization_id = a.organization_id and n.id = a.network_id"
            + " where a.organization_id = :organizationId and k.user_id = :userId order by lower(n.name)")
    List<ApiKeyNetwork> findNetworksByOrganizationIdAndUserId(UUID organizationId, UUID userId);
}
