package io.topograph.daemons.integrated;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether the server runs its own daemon is decided by configuration alone. */
class IntegratedDaemonConfigurationTest {

    private static boolean runsIntegratedDaemon(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            return context.containsBean(IntegratedDaemon.class);
        }
    }

    @Test
    void a_self_hosted_server_runs_the_integrated_daemon_when_enabled_as_it_is_by_default() {
        assertThat(runsIntegratedDaemon(Map.of("topograph.integrated-daemon.enabled", "true"))).isTrue();
    }

    @Test
    void configuration_turns_the_integrated_daemon_off() {
        assertThat(runsIntegratedDaemon(Map.of("topograph.integrated-daemon.enabled", "false"))).isFalse();
    }

    @Test
    void the_hosted_service_never_runs_an_integrated_daemon_even_when_asked_to() {
        assertThat(runsIntegratedDaemon(Map.of("topograph.integrated-daemon.enabled", "true", "topograph.hosted", "true"))).isFalse();
    }
}
