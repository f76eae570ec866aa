package io.topograph.tags;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TagRepository extends GenericRepository<Tag, UUID> {

    Tag save(Tag tag);

    Tag update(Tag tag);

    Optional<Tag> findByOrganizationIdAndId(UUID organizationId, UUID id);

    @Query("select * from tags where organization_id = :organizationId order by lower(name), id")
    List<Tag> findAllByOrganizationId(UUID organizationId);

    @Query("select exists(select 1 from tags where organization_id = :organizationId and lower(name) = lower(:name) and id <> :exceptId)")
    boolean nameTaken(UUID organizationId, String name, UUID exceptId);

    @Query("delete from tags where organization_id = :organizationId and id = :id")
    void deleteByOrganizationIdAndId(UUID organizationId, UUID id);

    @Query("select t.* from tags t join network_tags nt on nt.organization_id = t.organization_id and nt.tag_id = t.id"
            + " where nt.organization_id = :organizationId and nt.network_id = :networkId order by lower(t.name), t.id")
    List<Tag> findByNetwork(UUID organizationId, UUID networkId);

    @Query("delete from network_tags where organization_id = :organizationId and network_id = :networkId")
    void clearNetworkTags(UUID organizationId, UUID networkId);

    @Query("insert into network_tags (organization_id, network_id, tag_id) values (:organizationId, :networkId, :tagId) on conflict do nothing")
    void addNetworkTag(UUID organizationId, UUID networkId, UUID tagId);
}
