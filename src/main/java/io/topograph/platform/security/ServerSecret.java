package io.topograph.platform.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

/**
 * The key that signs cookies (flash messages). Taken from {@code TOPOGRAPH_SECRET} when set;
 * otherwise generated once and kept in the database, so every node of a cluster agrees on it
 * without configuration.
 */
@Singleton
public class ServerSecret {

    private final byte[] key;

    public ServerSecret(DataSource dataSource, @Nullable @Value("${topograph.secret:}") String configured) {
        String value = configured == null || configured.isBlank()
                ? loadOrCreate(DelegatingDataSource.unwrapDataSource(dataSource)) : configured;
        this.key = value.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String loadOrCreate(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into platform_settings (key, value) values ('server_secret', ?) on conflict (key) do nothing")) {
                insert.setString(1, SecureTokens.random(48));
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement("select value from platform_settings where key = 'server_secret'");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the server secret from the database", e);
        }
    }
}
