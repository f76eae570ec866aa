package io.topograph.discovery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RunLimitsTest {

    @Test
    void durations_read_in_their_largest_whole_unit() {
        assertThat(RunLimits.words(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(RunLimits.words(Duration.ofHours(24))).isEqualTo("1 day");
        assertThat(RunLimits.words(Duration.ofHours(36))).isEqualTo("36 hours");
        assertThat(RunLimits.words(Duration.ofMinutes(90))).isEqualTo("90 minutes");
        assertThat(RunLimits.words(Duration.ofSeconds(45))).isEqualTo("45 seconds");
        assertThat(RunLimits.words(Duration.ofSeconds(1))).isEqualTo("1 second");
    }

    @Test
    void the_reasons_say_what_happened_in_words() {
        assertThat(RunLimits.unclaimedReason(Duration.ofHours(1))).isEqualTo("No daemon of this network claimed the run within 1 hour.");
        assertThat(RunLimits.tooLongReason(Duration.ofHours(24)))
                .isEqualTo("The run took longer than the limit of 1 day and was stopped.");
    }

    @Test
    void a_zero_limit_is_off() {
        assertThat(RunLimits.enabled(Duration.ZERO)).isFalse();
        assertThat(RunLimits.enabled(Duration.ofSeconds(-1))).isFalse();
        assertThat(RunLimits.enabled(Duration.ofMinutes(1))).isTrue();
        assertThat(new RunLimits(Duration.ofHours(1), Duration.ofHours(24), 90, -5).retentionKeep()).isZero();
    }
}
