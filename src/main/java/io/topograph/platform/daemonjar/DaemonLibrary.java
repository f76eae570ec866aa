package io.topograph.platform.daemonjar;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.util.Optional;

/**
 * Calls into the bundled daemon jar ({@code io.topograph.scanner.api}) through one isolated
 * class loader, so the server judges targets, ports and catalog definitions with the very
 * parsers the daemon runs, instead of a second copy of them that could drift.
 */
@Singleton
public class DaemonLibrary {

    private static final String VALIDATION = "io.topograph.scanner.api.Validation";
    private static final String COVERAGE = "io.topograph.scanner.api.Coverage";

    private final DaemonJar jar;
    private volatile URLClassLoader loader;

    public DaemonLibrary(DaemonJar jar) {
        this.jar = jar;
    }

    /** Null when the targets are acceptable, else what is wrong with them. */
    public Optional<String> targetsError(String targets) {
        return Optional.ofNullable((String) call(VALIDATION, "targetsError", targets));
    }

    /** Null when the port profile or list is acceptable, else what is wrong with it. */
    public Optional<String> portsError(String ports) {
        return Optional.ofNullable((String) call(VALIDATION, "portsError", ports));
    }

    /** What is wrong with a catalog file of custom definitions, if anything. */
    public Optional<String> definitionsError(String catalogJson) {
        return Optional.ofNullable((String) call(VALIDATION, "definitionsError", catalogJson));
    }

    /**
     * The ports a run with this port profile probes, as the daemon expands it: {@code [0]} TCP,
     * {@code [1]} UDP (empty when {@code udp} is false). IllegalArgumentException when the profile is not valid.
     */
    public int[][] scannedPorts(String ports, boolean printerPorts, boolean udp) {
        return (int[][]) invoke(COVERAGE, "scannedPorts", new Class<?>[] {String.class, boolean.class, boolean.class},
                ports, printerPorts, udp);
    }

    /**
     * The addresses the targets cover, as inclusive ranges {@code "first-last"}, as the daemon
     * expands them. IllegalArgumentException when the targets are not valid.
     */
    public String[] targetRanges(String targets) {
        return (String[]) invoke(COVERAGE, "targetRanges", new Class<?>[] {String.class}, targets);
    }

    /** The isolated loader over the daemon jar, created once. */
    public ClassLoader classLoader() {
        URLClassLoader l = loader;
        if (l == null) {
            synchronized (this) {
                if (loader == null) {
                    loader = jar.isolatedClassLoader().orElseThrow(() -> new IllegalStateException(
                            "This server was built without the daemon jar (" + DaemonJar.RESOURCE + "); build it with ./mvnw package"));
                }
                l = loader;
            }
        }
        return l;
    }

    private Object call(String className, String method, String argument) {
        return invoke(className, method, new Class<?>[] {String.class}, argument);
    }

    private Object invoke(String className, String method, Class<?>[] types, Object... arguments) {
        try {
            Method m = classLoader().loadClass(className).getMethod(method, types);
            return m.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw new IllegalArgumentException(bad.getMessage(), bad);
            }
            throw new IllegalStateException("The daemon library failed in " + method, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The bundled daemon jar does not offer " + className + "." + method, e);
        }
    }

    @PreDestroy
    void close() throws IOException {
        if (loader != null) {
            loader.close();
        }
    }
}
