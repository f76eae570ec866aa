package io.topograph.organizations;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.topograph.platform.tenancy.Role;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MembershipRepository extends GenericRepository<Membership, UUID> {

    Membership save(Membership membership);

    Optional<Membership> findByOrganizationIdAndId(UUID organizationId, UUID id);

    Optional<Membership> findByOrganizationIdAndUserId(UUID organizationId, UUID userId);

    List<Membership> findByOrganizationId(UUID organizationId);

    long countByOrganizationId(UUID organizationId);

    long countByOrganizationIdAndRole(UUID organizationId, Role role);

    @Query("update memberships set role = :role where organization_id = :organizationId and id = :id")
    void updateRole(UUID organizationId, UUID id, Role role);

    @Query("delete from memberships where organization_id = :organizationId and id = :id")
    void delete(UUID organizationId, UUID id);

    @Query("select network_id from network_access where organization_id = :organizationId and membership_id = :membershipId")
    List<UUID> findNetworkIds(UUID organizationId, UUID membershipId);

    @Query("delete from network_access where organization_id = :organizationId and membership_id = :membershipId")
    void clearNetworkAccess(UUID organizationId, UUID membershipId);

    @Query("insert into network_access (organization_id, membership_id, network_id) values (:organizationId, :membershipId, :networkId) on conflict do nothing")
    void grantNetwork(UUID organizationId, UUID membershipId, UUID networkId);
}
