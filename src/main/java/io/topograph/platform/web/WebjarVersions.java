package io.topograph.platform.web;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Webjar versions from the build (pom.xml is the one place they are written). */
@Singleton
public class WebjarVersions {

    private final Properties versions = new Properties();

    public WebjarVersions() {
        try (InputStream in = WebjarVersions.class.getResourceAsStream("/webjars.properties")) {
            if (in == null) {
                throw new IllegalStateException("webjars.properties missing from the classpath: build with Maven");
            }
            versions.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String htmx() {
        return versions.getProperty("htmx");
    }

    public String bootstrap() {
        return versions.getProperty("bootstrap");
    }

    public String bootstrapIcons() {
        return versions.getProperty("bootstrap-icons");
    }

    public String swaggerUi() {
        return versions.getProperty("swagger-ui");
    }
}
