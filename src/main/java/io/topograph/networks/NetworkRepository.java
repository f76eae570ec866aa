package io.topograph.networks;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface NetworkRepository extends GenericRepository<Network, UUID> {

    Network save(Network network);

    Network update(Network network);

    Optional<Network> findByOrganizationIdAndId(UUID organizationId, UUID id);

    @Query("select * from networks where organization_id = :organizationId order by lower(name)")
    List<Network> findAllByOrganizationId(UUID organizationId);

    @Query("select * from networks where organization_id = :organizationId and id in (:ids) order by lower(name)")
    List<Network> findAllByOrganizationIdAndIdIn(UUID organizationId, Collection<UUID> ids);

    @Query("select exists(select 1 from networks where organization_id = :organizationId and lower(name) = lower(:name) and id <> :exceptId)")
    boolean nameTaken(UUID organizationId, String name, UUID exceptId);

    @Query("delete from networks where organization_id = :organizationId and id = :id")
    void deleteByOrganizationIdAndId(UUID organizationId, UUID id);

    /** Host and service counts of one network. */
    @Query("select n.id as network_id,"
            + " (select count(*) from hosts h where h.organization_id = n.organization_id and h.network_id = n.id) as hosts,"
            + " (select count(*) from services s join hosts h on h.organization_id = s.organization_id and h.id = s.host_id"
            + "   where h.organization_id = n.organization_id and h.network_id = n.id) as services"
            + " from networks n where n.organization_id = :organizationId and n.id = :networkId")
    NetworkCounts countsByOrganizationIdAndNetworkId(UUID organizationId, UUID networkId);

    /** Host and service counts per network, for lists and the dashboard. */
    @Query("select n.id as network_id,"
            + " (select count(*) from hosts h where h.organization_id = n.organization_id and h.network_id = n.id) as hosts,"
            + " (select count(*) from services s join hosts h on h.organization_id = s.organization_id and h.id = s.host_id"
            + "   where h.organization_id = n.organization_id and h.network_id = n.id) as services"
            + " from networks n where n.organization_id = :organizationId")
    List<NetworkCounts> countsByOrganizationId(UUID organizationId);
}
