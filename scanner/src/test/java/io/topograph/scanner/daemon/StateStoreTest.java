package io.topograph.scanner.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

    @Test
    void the_instance_id_is_saved_once_before_enrolling_and_kept_afterwards(@TempDir Path dir) throws Exception {
        StateStore store = new StateStore(dir.resolve("a").resolve("b"));
        assertThat(store.load()).isEmpty();
        DaemonState first = store.identity();
        assertThat(first.instanceId()).matches("[0-9a-f-]{36}");
        assertThat(first.enrolled()).isFalse();
        assertThat(store.identity().instanceId()).isEqualTo(first.instanceId());
        store.save(new DaemonState("http://127.0.0.1:1", "d", "tgd_secret", "n", "Lab", first.instanceId()));
        assertThat(store.identity().instanceId()).isEqualTo(first.instanceId());
        assertThat(store.load().orElseThrow().enrolled()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.dir()))).isEqualTo("rwx------");
    }

    @Test
    void the_state_never_shows_its_credential_as_text() {
        DaemonState s = new DaemonState("http://127.0.0.1:1", "d", "tgd_secret", "n", "Lab", "i");
        assertThat(s.toString()).doesNotContain("tgd_secret").contains("(hidden)");
    }

    @Test
    void a_state_file_that_is_not_one_is_refused_with_what_to_do(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("daemon.json"), "not json");
        assertThatThrownBy(() -> new StateStore(dir).load()).hasMessageContaining("is not a daemon state file").hasMessageContaining("enroll again");
    }
}
