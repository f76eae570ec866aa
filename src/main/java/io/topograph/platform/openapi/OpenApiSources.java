package io.topograph.platform.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the OpenAPI files on the classpath: {@code openapi/_base.yml} and every other
 * {@code openapi/*.yml} beside it, whether the classpath entry is a directory (development,
 * tests) or a jar (the shaded runnable jar). Fragments come in file-name order.
 */
public final class OpenApiSources {

    public static final String DIRECTORY = "openapi";
    public static final String BASE = "_base.yml";

    private OpenApiSources() {
    }

    /** The base document and the fragments of the classpath entry that holds the base. */
    public record Found(OpenApiMerger.Source base, List<OpenApiMerger.Source> fragments) {
    }

    public static Found load(ClassLoader loader) {
        URL base = loader.getResource(DIRECTORY + "/" + BASE);
        if (base == null) {
            throw new IllegalStateException(DIRECTORY + "/" + BASE + " is missing from the classpath");
        }
        TreeMap<String, String> files = switch (base.getProtocol()) {
            case "file" -> fromDirectory(base);
            case "jar" -> fromJar(base);
            default -> throw new IllegalStateException("Cannot list OpenAPI fragments next to " + base);
        };
        String baseText = files.remove(BASE);
        List<OpenApiMerger.Source> fragments = new ArrayList<>();
        files.forEach((name, text) -> fragments.add(new OpenApiMerger.Source(DIRECTORY + "/" + name, text)));
        return new Found(new OpenApiMerger.Source(DIRECTORY + "/" + BASE, baseText), fragments);
    }

    /** {@code _base.yml} and the fragments; other files starting with "_" are reserved. */
    static boolean isOpenApiFile(String name) {
        return name.equals(BASE) || (!name.startsWith("_") && (name.endsWith(".yml") || name.endsWith(".yaml")));
    }

    private static TreeMap<String, String> fromDirectory(URL base) {
        TreeMap<String, String> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(Path.of(base.toURI()).getParent())) {
            for (Path path : listing.filter(Files::isRegularFile).toList()) {
                String name = path.getFileName().toString();
                if (isOpenApiFile(name)) {
                    files.put(name, Files.readString(path, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    private static TreeMap<String, String> fromJar(URL base) {
        TreeMap<String, String> files = new TreeMap<>();
        try {
            JarURLConnection connection = (JarURLConnection) base.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                String prefix = DIRECTORY + "/";
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    String path = entry.getName();
                    String name = path.startsWith(prefix) ? path.substring(prefix.length()) : "";
                    if (!entry.isDirectory() && !name.isEmpty() && !name.contains("/") && isOpenApiFile(name)) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
