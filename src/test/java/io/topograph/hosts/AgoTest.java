package io.topograph.hosts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AgoTest {

    private final Instant now = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void recent_times_read_relative_and_old_ones_as_dates() {
        assertThat(Ago.relative(now.minusSeconds(5), now)).isEqualTo("just now");
        assertThat(Ago.relative(now.minus(Duration.ofMinutes(7)), now)).isEqualTo("7 min ago");
        assertThat(Ago.relative(now.minus(Duration.ofHours(3)), now)).isEqualTo("3 h ago");
        assertThat(Ago.relative(now.minus(Duration.ofHours(30)), now)).isEqualTo("yesterday");
        assertThat(Ago.relative(now.minus(Duration.ofDays(12)), now)).isEqualTo("12 days ago");
        assertThat(Ago.relative(now.minus(Duration.ofDays(400)), now)).isEqualTo("2025-10-19");
        assertThat(Ago.relative(null, now)).isEqualTo("never");
        assertThat(Ago.exact(now)).isEqualTo("2026-11-23 12:00 UTC");
    }
}
