package io.topograph.organizations;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;
import java.util.UUID;

/** Organizations are the tenants themselves: looked up by their own id or slug. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OrganizationRepository extends GenericRepository<Organization, UUID> {

    Organization save(Organization organization);

    Organization update(Organization organization);

    Optional<Organization> findById(UUID id);

    boolean existsBySlug(String slug);

    @Query("delete from organizations where id = :id")
    void deleteById(UUID id);
}
