package io.topograph.services;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CustomDefinitionRepository extends GenericRepository<CustomDefinition, UUID> {

    CustomDefinition save(CustomDefinition definition);

    CustomDefinition update(CustomDefinition definition);

    Optional<CustomDefinition> findByOrganizationIdAndId(UUID organizationId, UUID id);

    @Query("select * from service_definitions where organization_id = :organizationId order by key")
    List<CustomDefinition> findAllByOrganizationId(UUID organizationId);

    @Query("select * from service_definitions where organization_id = :organizationId and enabled order by key")
    List<CustomDefinition> findEnabledByOrganizationId(UUID organizationId);

    @Query("select count(*) from service_definitions where organization_id = :organizationId")
    long countByOrganizationId(UUID organizationId);

    @Query("select exists(select 1 from service_definitions where organization_id = :organizationId and key = :key and id <> :exceptId)")
    boolean keyTaken(UUID organizationId, String key, UUID exceptId);

    @Query("delete from service_definitions where organization_id = :organizationId and id = :id")
    void deleteByOrganizationIdAndId(UUID organizationId, UUID id);
}
