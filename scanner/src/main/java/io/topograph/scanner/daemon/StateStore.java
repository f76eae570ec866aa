package io.topograph.scanner.daemon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads and writes {@code <state-dir>/daemon.json}. The directory is created with mode 0700 and the
 * file is written to a temporary file created with mode 0600, flushed to disk, then moved over the old
 * one in one step, so a crash never leaves a half-written or readable-by-others credential.
 */
public final class StateStore {

    public static final String FILE = "daemon.json";
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;

    public StateStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path file() {
        return dir.resolve(FILE);
    }

    /** The saved state, or empty when there is no state file yet. */
    public Optional<DaemonState> load() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(bytes, DaemonState.class));
        } catch (IOException e) {
            throw new IOException(file() + " is not a daemon state file (" + e.getClass().getSimpleName()
                    + "); move it away and enroll again", e);
        }
    }

    /**
     * The saved state with an instance id, creating and saving one (a new UUID) when there is none yet.
     * Called before enrolling, so that a retried enroll carries the same instance id.
     */
    public DaemonState identity() throws IOException {
        Optional<DaemonState> saved = load();
        if (saved.isPresent() && saved.get().instanceId() != null && !saved.get().instanceId().isBlank()) {
            return saved.get();
        }
        DaemonState s = saved.orElse(new DaemonState(null, null, null, null, null, null));
        DaemonState withId = new DaemonState(s.server(), s.daemonId(), s.credential(), s.networkId(), s.networkName(),
                UUID.randomUUID().toString());
        save(withId);
        return withId;
    }

    public void save(DaemonState state) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
            } else {
                Files.createDirectories(dir);
            }
        }
        if (posix) {
            try {
                Files.setPosixFilePermissions(dir, DIR_MODE);
            } catch (IOException notOwner) {
                // a directory the operator made for us and does not let us change: the file's own mode still protects it
            }
        }
        Path tmp = posix ? Files.createTempFile(dir, ".daemon-", ".tmp", PosixFilePermissions.asFileAttribute(FILE_MODE))
                : Files.createTempFile(dir, ".daemon-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(JSON.writeValueAsBytes(state));
                out.write('\n');
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
