package io.topograph.platform.daemonjar;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class DaemonLibraryTest {

    @Inject
    DaemonLibrary library;

    @Inject
    DaemonJar jar;

    @Test
    void the_bundled_daemon_jar_is_extracted_with_its_checksum_and_version() {
        DaemonJar.Extracted e = jar.get().orElseThrow();
        assertThat(e.file()).exists();
        assertThat(e.sha256()).matches("[0-9a-f]{64}");
        assertThat(e.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void targets_are_judged_by_the_daemons_own_parser() {
        assertThat(library.targetsError("127.0.0.1, 127.0.10.0/24")).isEmpty();
        assertThat(library.targetsError("not-an-address")).get().asString().isNotBlank();
        assertThat(library.targetsError("224.0.0.1")).get().asString().contains("multicast");
    }

    @Test
    void ports_are_judged_by_the_daemons_own_parser() {
        assertThat(library.portsError("top100")).isEmpty();
        assertThat(library.portsError("22,80,8000-8100")).isEmpty();
        assertThat(library.portsError("70000")).isPresent();
    }

    @Test
    void custom_definitions_are_judged_by_the_daemons_catalog_parser() {
        assertThat(library.definitionsError("{\"category\":\"web\",\"icon\":\"globe\",\"services\":[{\"id\":\"acme-portal\","
                + "\"name\":\"ACME portal\",\"description\":\"d\",\"match\":{\"httpTitle\":\"ACME\"}}]}")).isEmpty();
        assertThat(library.definitionsError("{\"services\":[{\"id\":\"Bad Id\"}]}")).get().asString().contains("Bad Id");
    }
}
