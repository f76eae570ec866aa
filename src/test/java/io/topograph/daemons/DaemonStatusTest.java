package io.topograph.daemons;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DaemonStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void a_daemon_with_a_heartbeat_in_the_last_90_seconds_is_online() {
        assertThat(DaemonStatus.of(false, NOW.minusSeconds(5), "0.1.0", "0.1.0", NOW)).isEqualTo(DaemonStatus.ONLINE);
        assertThat(DaemonStatus.of(false, NOW.minusSeconds(90), "0.1.0", "0.1.0", NOW)).isEqualTo(DaemonStatus.ONLINE);
    }

    @Test
    void a_daemon_silent_for_more_than_90_seconds_is_offline_even_when_outdated() {
        assertThat(DaemonStatus.of(false, NOW.minusSeconds(91), "0.1.0", "0.1.0", NOW)).isEqualTo(DaemonStatus.OFFLINE);
        assertThat(DaemonStatus.of(false, NOW.minusSeconds(3600), "0.0.9", "0.1.0", NOW)).isEqualTo(DaemonStatus.OFFLINE);
    }

    @Test
    void an_online_daemon_older_than_the_shipped_jar_is_outdated() {
        assertThat(DaemonStatus.of(false, NOW.minusSeconds(10), "0.9.0", "0.10.0", NOW)).isEqualTo(DaemonStatus.OUTDATED);
        assertThat(DaemonStatus.of(false, NOW.minusSeconds(10), "0.10.0", "0.9.0", NOW)).isEqualTo(DaemonStatus.ONLINE);
        assertThat(DaemonStatus.of(false, NOW.minusSeconds(10), "0.1.0", null, NOW)).isEqualTo(DaemonStatus.ONLINE);
    }

    @Test
    void disabled_wins_over_everything_and_no_heartbeat_means_never_connected() {
        assertThat(DaemonStatus.of(true, NOW.minusSeconds(1), "0.1.0", "0.1.0", NOW)).isEqualTo(DaemonStatus.DISABLED);
        assertThat(DaemonStatus.of(true, null, null, "0.1.0", NOW)).isEqualTo(DaemonStatus.DISABLED);
        assertThat(DaemonStatus.of(false, null, "0.1.0", "0.1.0", NOW)).isEqualTo(DaemonStatus.NEVER_CONNECTED);
    }
}
