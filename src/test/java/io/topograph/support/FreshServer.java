package io.topograph.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A second server as on a fresh self-hosted install: its own empty database (created next to the
 * shared test database), its own data directory and the integrated daemon turned on. Journeys
 * that need the newcomer's experience start one; {@link #restart()} keeps database and data.
 */
public final class FreshServer implements AutoCloseable {

    private final Map<String, Object> properties;
    private EmbeddedServer server;

    private FreshServer(Map<String, Object> properties) {
        this.properties = properties;
        this.server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    /** Starts one; {@code firstScanPorts} are the integrated daemon's first discovery ports, {@code extra} overrides anything. */
    public static FreshServer start(DataSource shared, Path dataDir, String firstScanPorts, Map<String, Object> extra) throws Exception {
        String database = "fresh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url;
        // Outside any transaction: CREATE DATABASE cannot run inside one.
        DataSource raw = DelegatingDataSource.unwrapDataSource(shared);
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            url = c.getMetaData().getURL();
            s.execute("create database " + database);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", url.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"));
        properties.put("datasources.default.username", "postgres");
        properties.put("datasources.default.password", "");
        properties.put("micronaut.server.port", -1);
        properties.put("topograph.data-dir", dataDir.toString());
        properties.put("topograph.integrated-daemon.enabled", true);
        properties.put("topograph.integrated-daemon.first-scan-ports", firstScanPorts);
        properties.put("topograph.integrated-daemon.watch-interval", "1s");
        properties.putAll(extra);
        return new FreshServer(properties);
    }

    public EmbeddedServer server() {
        return server;
    }

    public java.net.URI uri() {
        return server.getURI();
    }

    public void restart() {
        server.getApplicationContext().close();
        server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
