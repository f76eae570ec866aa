package io.topograph.organizations;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Organizations are the tenants themselves: looked up by their own id or slug. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OrganizationRepository extends GenericRepository<Organization, UUID> {

    Organization save(Organization organization);

    Organization update(Organization organization);

    Optional<Organization> findById(UUID id);

    boolean existsBySlug(String slug);

    /** The organizations a user belongs to, with their role in each, by name. */
    @Query("select o.id, o.name, o.slug, m.role from organizations o join memberships m on m.organization_id = o.id"
            + " where m.user_id = :userId order by lower(o.name), o.id")
    List<OrganizationInfo> findAllOfUser(UUID userId);

    @Query("delete from organizations where id = :id")
    void deleteById(UUID id);
}
