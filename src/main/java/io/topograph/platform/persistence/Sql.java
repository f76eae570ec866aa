package io.topograph.platform.persistence;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Plain SQL for the few places where a repository would be clumsy (hot paths, token lookups,
 * updates with RETURNING). Runs on the contextual connection, so it joins the caller's
 * transaction when there is one and opens a short one otherwise.
 */
@Singleton
@Transactional
public class Sql {

    /** Maps the current row; checked exceptions are allowed so mappers stay one-liners. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection()) {
            return update(c, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public <T> List<T> list(String sql, Row<T> row, Object... args) {
        try (Connection c = dataSource.getConnection()) {
            return list(c, sql, row, args);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** On a connection the caller holds (several statements of one unit of work, SQL exceptions kept). */
    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    /** On a connection the caller holds (several statements of one unit of work, SQL exceptions kept). */
    public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        }
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
        List<T> rows = list(sql, row, args);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    public long count(String sql, Object... args) {
        return one(sql, rs -> rs.getLong(1), args).orElse(0L);
    }

    /** Reads a {@code uuid[]} column (e.g. from {@code array(select …)}). */
    public static List<UUID> uuids(ResultSet rs, int column) throws SQLException {
        List<UUID> out = new ArrayList<>();
        java.sql.Array array = rs.getArray(column);
        if (array != null) {
            for (Object id : (Object[]) array.getArray()) {
                out.add((UUID) id);
            }
        }
        return out;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            ps.setObject(i + 1, arg instanceof Instant instant ? Timestamp.from(instant) : arg);
        }
        return ps;
    }
}
