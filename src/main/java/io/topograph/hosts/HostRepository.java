package io.topograph.hosts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface HostRepository extends GenericRepository<Host, UUID> {

    Host save(Host host);

    Optional<Host> findByOrganizationIdAndId(UUID organizationId, UUID id);

    /** A person's edit: only the fields people edit, and the mark that protects them from discovery merges. */
    @Query("update hosts set name = :name, hostname = :hostname, description = :description, user_edited = true, updated_at = now()"
            + " where organization_id = :organizationId and id = :id")
    void updateEdited(UUID organizationId, UUID id, String name, @Nullable String hostname, String description);

    @Query("update hosts set hidden = :hidden, user_edited = true, updated_at = now() where organization_id = :organizationId and id = :id")
    void updateHidden(UUID organizationId, UUID id, boolean hidden);

    @Query("update hosts set user_edited = true, updated_at = now() where organization_id = :organizationId and id = :id")
    void markEdited(UUID organizationId, UUID id);

    @Query("delete from hosts where organization_id = :organizationId and id = :id")
    void deleteByOrganizationIdAndId(UUID organizationId, UUID id);

    @Query("select exists(select 1 from hosts where organization_id = :organizationId and network_id = :networkId)")
    boolean anyInNetwork(UUID organizationId, UUID networkId);
}
