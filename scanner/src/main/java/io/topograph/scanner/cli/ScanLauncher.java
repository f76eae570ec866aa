package io.topograph.scanner.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a {@code scan} in a JVM tuned for a short command: a jar cannot carry JVM options, so
 * {@code java -jar topograph-daemon.jar scan …} re-launches itself once with them. A scan is done in
 * a second or two and spends its time in the kernel (connect, close); the JVM's defaults are made for
 * long-running servers. Measured on two cores (docs/benchmarks-scanner.md), the default JIT's
 * optimizing compiler alone cost about 0.9 s of CPU per scan, which the scan never got back. The
 * scan's JVM therefore gets:
 * <ul>
 *   <li>{@code -XX:TieredStopAtLevel=1}: the quick compiler only;</li>
 *   <li>{@code -XX:+UseSerialGC}: no parallel collector threads for a heap of a few MB;</li>
 *   <li>{@code -XX:-UsePerfData}: no performance-counter file in /tmp;</li>
 *   <li>{@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED}: the engine reads a refused connect's
 *       error as a number instead of catching the exception the JDK builds for each of them
 *       ({@code engine.PendingError});</li>
 *   <li>class data sharing of the scanner's own classes (AppCDS): the first scan writes an archive to
 *       {@code $XDG_CACHE_HOME/topograph-daemon} (else {@code ~/.cache/topograph-daemon}), one per jar
 *       and Java version, and later scans map it instead of loading and verifying those classes again.
 *       Without a writable cache directory this is skipped.</li>
 * </ul>
 * The JVM options the user gave ({@code java -Xmx… -jar …}) are passed on after these, so they win.
 * {@code TOPOGRAPH_RELAUNCH=0} in the environment (or running with {@code -cp} instead of {@code -jar})
 * runs the scan in the first JVM as it is. Only {@code scan} is re-launched: the daemon ({@code run})
 * is long-lived and keeps the JVM's defaults.
 */
final class ScanLauncher {

    /** Set on the re-launched JVM, so it does not re-launch again. */
    static final String LAUNCHED_PROPERTY = "topograph.launched";
    static final String OPT_OUT_ENV = "TOPOGRAPH_RELAUNCH";

    private ScanLauncher() {
    }

    /** Runs {@code args} in a tuned JVM and returns its exit code, or -1 when this JVM should run them itself. */
    static int relaunch(String[] args) {
        if (args.length == 0 || !args[0].equals("scan") || System.getProperty(LAUNCHED_PROPERTY) != null
                || "0".equals(System.getenv(OPT_OUT_ENV))) {
            return -1;
        }
        try {
            Path jar = ownJar();
            List<String> jvmOptions = jvmOptionsBefore(jar);
            if (jar == null || jvmOptions == null) {
                return -1;
            }
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            if (!Files.isExecutable(java)) {
                return -1;
            }
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-XX:+UseSerialGC");
            command.add("-XX:-UsePerfData");
            // refused connects read as numbers instead of exceptions (engine.PendingError)
            command.add("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
            Path archive = archive(jar);
            Path dumping = null;
            if (archive != null) {
                // CDS messages (classes it cannot archive, a stale archive) must not mix with the report on stdout
                command.add("-Xlog:cds=off,cds+dynamic=off");
                command.add("-Xshare:auto");
                if (Files.isRegularFile(archive)) {
                    command.add("-XX:SharedArchiveFile=" + archive);
                } else {
                    // written next to the final name, then moved there: concurrent first scans never see a half-written archive
                    dumping = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
                    command.add("-XX:ArchiveClassesAtExit=" + dumping);
                }
            }
            command.addAll(jvmOptions);
            command.add("-D" + LAUNCHED_PROPERTY + "=true");
            command.add("-cp");
            command.add(jar.toString());
            command.add("io.topograph.scanner.cli.Main"); // by name: this JVM need not load it
            command.addAll(List.of(args));
            Process child = new ProcessBuilder(command).inheritIO().start();
            Thread stop = new Thread("stop-scan") { // no lambda: its bootstrap alone costs this JVM milliseconds
                @Override
                public void run() {
                    child.destroy();
                }
            };
            Runtime.getRuntime().addShutdownHook(stop); // SIGTERM to this JVM stops the scan too
            int code;
            while (true) {
                try {
                    code = child.waitFor();
                    break;
                } catch (InterruptedException e) {
                    child.destroy();
                }
            }
            if (dumping != null) {
                try {
                    if (Files.size(dumping) > 0) {
                        Files.move(dumping, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                        removeOthers(archive);
                    }
                } catch (IOException e) {
                    // no archive this time: the next scan tries again
                } finally {
                    Files.deleteIfExists(dumping);
                }
            }
            return code;
        } catch (IOException | RuntimeException e) {
            return -1; // could not start it: run here, untuned
        }
    }

    /** Archives of earlier jars or Java versions are of no more use (a few MB each). */
    private static void removeOthers(Path archive) {
        try (var others = Files.newDirectoryStream(archive.getParent(), "scan-*.jsa")) {
            for (Path other : others) {
                if (!other.equals(archive)) {
                    Files.deleteIfExists(other);
                }
            }
        } catch (IOException | RuntimeException e) {
            // left for the next time
        }
    }

    /** The jar this class was loaded from, or null when it runs from a class directory. */
    private static Path ownJar() {
        try {
            var source = ScanLauncher.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar") ? p.toAbsolutePath() : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The JVM options of this process's command line (everything before {@code -jar <jar>}), or null
     * when it was not started with {@code -jar} and this jar.
     */
    private static List<String> jvmOptionsBefore(Path jar) {
        if (jar == null) {
            return null;
        }
        String[] all = ProcessHandle.current().info().arguments().orElse(null);
        if (all == null) {
            return null;
        }
        for (int i = 0; i + 1 < all.length; i++) {
            if (all[i].equals("-jar")) {
                try {
                    if (!Path.of(all[i + 1]).toAbsolutePath().normalize().equals(jar.normalize())
                            && !Files.isSameFile(Path.of(all[i + 1]), jar)) {
                        return null;
                    }
                } catch (IOException | RuntimeException e) {
                    return null;
                }
                return List.of(all).subList(0, i);
            }
        }
        return null;
    }

    /** Where the class-data archive of this jar on this Java lives, or null without a writable cache directory. */
    private static Path archive(Path jar) {
        try {
            Map<String, String> env = System.getenv();
            String xdg = env.get("XDG_CACHE_HOME");
            Path base;
            if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
                base = Path.of(xdg);
            } else {
                String home = System.getProperty("user.home");
                if (home == null || home.isBlank() || home.equals("?")) {
                    return null;
                }
                base = Path.of(home, ".cache");
            }
            Path dir = base.resolve("topograph-daemon");
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                return null;
            }
            // the archive is only valid for this very jar and this JVM: both are in its name
            String key = Long.toHexString(Files.size(jar)) + "-" + Long.toHexString(Files.getLastModifiedTime(jar).toMillis())
                    + "-" + Integer.toHexString(jar.toString().hashCode()) + "-" + System.getProperty("java.vm.version").replace(File.separatorChar, '_');
            return dir.resolve("scan-" + key + ".jsa");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
