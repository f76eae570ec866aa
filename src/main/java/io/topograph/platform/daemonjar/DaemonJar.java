package io.topograph.platform.daemonjar;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * The bundled daemon jar, copied once to {@code <data-dir>/daemon/} so it can be streamed and
 * class-loaded from a file. Absent only in a build that skipped the scanner; callers then get
 * an empty {@link Optional} and explain it.
 */
@Singleton
public class DaemonJar {

    public static final String RESOURCE = "daemon/topograph-daemon.jar";

    private final Path dataDir;
    private volatile Extracted extracted;

    /** The extracted jar, its SHA-256 (hex) and the version in its manifest. */
    public record Extracted(Path file, String sha256, String version, long size) {
    }

    public DaemonJar(@Value("${topograph.data-dir}") String dataDir) {
        this.dataDir = Path.of(dataDir);
    }

    public Optional<Extracted> get() {
        Extracted e = extracted;
        if (e == null) {
            synchronized (this) {
                if (extracted == null) {
                    extracted = extract();
                }
                e = extracted;
            }
        }
        return Optional.ofNullable(e.file() == null ? null : e);
    }

    /** A class loader over the daemon jar whose parent is the platform loader: the daemon's
     *  libraries never mix with the server's. The caller closes it. */
    public Optional<URLClassLoader> isolatedClassLoader() {
        return get().map(e -> {
            try {
                return new URLClassLoader("topograph-daemon", new URL[]{e.file().toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            } catch (MalformedURLException ex) {
                throw new IllegalStateException(ex);
            }
        });
    }

    private Extracted extract() {
        try (InputStream in = DaemonJar.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new Extracted(null, null, null, 0);
            }
            Path dir = Files.createDirectories(dataDir.resolve("daemon"));
            Path tmp = Files.createTempFile(dir, "topograph-daemon", ".tmp");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream din = new DigestInputStream(in, digest)) {
                Files.copy(din, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            // Content-addressed name: several server versions may share a data directory.
            Path file = dir.resolve("topograph-daemon-" + sha.substring(0, 16) + ".jar");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            String version;
            try (JarFile jar = new JarFile(file.toFile())) {
                version = Optional.ofNullable(jar.getManifest())
                        .map(m -> m.getMainAttributes().getValue("Implementation-Version")).orElse("0.0.0");
            }
            return new Extracted(file, sha, version, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not extract the bundled daemon jar into " + dataDir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
