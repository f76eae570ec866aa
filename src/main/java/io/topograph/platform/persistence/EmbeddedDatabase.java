package io.topograph.platform.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Decides where the database is before the pool exists: the configured server when
 * {@code DATABASE_URL} is set (checked once, failing fast with a clear message), otherwise an
 * embedded PostgreSQL 15 whose data lives under {@code TOPOGRAPH_DATA_DIR/postgres}.
 *
 * <p>One embedded server per JVM: test contexts started in the same JVM share it.
 */
@Singleton
public class EmbeddedDatabase implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** The configured URL when DATABASE_URL is not set (see application.yml). */
    public static final String PLACEHOLDER_URL = "jdbc:postgresql://embedded/topograph";
    private static EmbeddedPostgres embedded;

    private final Path dataDir;
    private final boolean ephemeral;

    public EmbeddedDatabase(@Value("${topograph.data-dir:./data}") String dataDir,
                            @Value("${topograph.embedded-database.ephemeral:false}") boolean ephemeral) {
        this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
        this.ephemeral = ephemeral;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        String url = config.getJdbcUrl() == null ? config.getUrl() : config.getJdbcUrl();
        if (url == null || url.isBlank() || PLACEHOLDER_URL.equals(url)) {
            String embeddedUrl = startEmbedded();
            config.setUrl(embeddedUrl);
            config.setJdbcUrl(embeddedUrl);
            config.setUsername("postgres");
            config.setPassword("");
            LOG.info("Database: embedded PostgreSQL 15 at {} (data in {})", embeddedUrl,
                    ephemeral ? "a temporary directory" : dataDir.resolve("postgres"));
        } else {
            LOG.info("Database: PostgreSQL server at {}", redact(url));
            checkReachable(url, config.getUsername(), config.getPassword());
        }
        // Strings bound to inet/cidr/macaddr columns are typed by the server, not the driver.
        config.addDataSourceProperty("stringtype", "unspecified");
        return config;
    }

    private synchronized String startEmbedded() {
        try {
            if (embedded == null) {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "200");
                if (ephemeral) {
                    builder.setCleanDataDirectory(true);
                } else {
                    Path pgData = dataDir.resolve("postgres");
                    Files.createDirectories(pgData);
                    // The library's defaults trade durability for speed (fsync and synchronous
                    // commit off), fine for throw-away test databases; this one keeps a
                    // self-hosted installation's only copy of its data, so a crash must not lose it.
                    builder.setDataDirectory(pgData).setCleanDataDirectory(false)
                            .setServerConfig("fsync", "on")
                            .setServerConfig("full_page_writes", "on")
                            .setServerConfig("synchronous_commit", "on");
                }
                embedded = builder.start();
            }
            return embedded.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new ConfigurationException("Could not start the embedded PostgreSQL in " + dataDir
                    + ": " + e.getMessage() + ". Set DATABASE_URL to use a PostgreSQL server instead.", e);
        }
    }

    private static void checkReachable(String url, String user, String password) {
        Properties props = new Properties();
        if (user != null && !user.isBlank()) {
            props.setProperty("user", user);
        }
        if (password != null && !password.isBlank()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "10");
        props.setProperty("loginTimeout", "10");
        try (Connection ignored = DriverManager.getConnection(url, props)) {
            // reachable
        } catch (SQLException e) {
            throw new ConfigurationException("Cannot reach the PostgreSQL server configured in DATABASE_URL ("
                    + redact(url) + "): " + e.getMessage(), e);
        }
    }

    /** JDBC URLs may carry a password as a parameter; never log it. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
