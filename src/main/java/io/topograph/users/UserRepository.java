package io.topograph.users;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;
import java.util.UUID;

/** Users are global (not tenant-owned): an account may belong to several organizations. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserRepository extends GenericRepository<User, UUID> {

    User save(User user);

    User update(User user);

    Optional<User> findById(UUID id);

    @Query("select * from users where lower(email) = lower(:email)")
    Optional<User> findByEmailIgnoreCase(String email);

    @Query("select exists(select 1 from users where lower(email) = lower(:email))")
    boolean emailTaken(String email);
}
