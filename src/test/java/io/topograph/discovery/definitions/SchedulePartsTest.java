package io.topograph.discovery.definitions;

import io.topograph.discovery.RunOptions;
import io.topograph.platform.scheduling.ScheduleSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Interval schedules, the spread of default schedules, and exclusions. */
class SchedulePartsTest {

    private static Definition definition(Definition.ScheduleKind kind, String cron, String zone, Integer seconds) {
        Instant now = Instant.now();
        return new Definition(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "d", false, null, null, List.of(), List.of(),
                "top100", RunOptions.defaults(), kind, cron, zone, seconds, true, false, null, null, now, now, null, null, null);
    }

    @Test
    void an_interval_first_fires_one_interval_from_now() {
        Instant now = Instant.parse("2027-01-01T00:00:00Z");
        ScheduleSpec spec = DefinitionService.spec(definition(Definition.ScheduleKind.INTERVAL, null, null, 3600), now);
        assertThat(spec).isEqualTo(new ScheduleSpec.Every(Duration.ofHours(1), Instant.parse("2027-01-01T01:00:00Z")));
    }

    @Test
    void a_cron_definition_becomes_a_quartz_cron_in_its_zone() {
        ScheduleSpec spec = DefinitionService.spec(definition(Definition.ScheduleKind.CRON, "30 2 * * 1", "Europe/Berlin", null), Instant.now());
        assertThat(spec).isEqualTo(new ScheduleSpec.Cron("0 30 2 ? * 2", java.time.ZoneId.of("Europe/Berlin")));
    }

    @Test
    void default_schedules_are_weekly_at_night_and_spread_over_the_week() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String cron = DefaultSchedule.weeklyFor(UUID.randomUUID());
            String[] f = cron.split(" ");
            assertThat(Integer.parseInt(f[0])).isBetween(0, 59);
            assertThat(Integer.parseInt(f[1])).isBetween(0, 5);
            assertThat(f[2]).isEqualTo("*");
            assertThat(f[3]).isEqualTo("*");
            assertThat(Integer.parseInt(f[4])).isBetween(0, 6);
            CronText.toQuartz(cron);
            seen.add(cron);
        }
        // 1,000 daemons over 2,520 slots: most get a minute of their own.
        assertThat(seen.size()).isGreaterThan(700);
        UUID one = UUID.randomUUID();
        assertThat(DefaultSchedule.weeklyFor(one)).isEqualTo(DefaultSchedule.weeklyFor(one));
    }

    @Test
    void exclusions_are_cut_out_of_ipv4_targets() {
        assertThat(TargetRanges.subtract(List.of("10.0.0.0/24"), List.of("10.0.0.1", "10.0.0.200-10.0.0.255")))
                .containsExactly("10.0.0.0", "10.0.0.2-10.0.0.199");
        assertThat(TargetRanges.subtract(List.of("10.0.0.1-50", "192.168.1.5"), List.of("192.168.1.0/24")))
                .containsExactly("10.0.0.1-50");
        assertThat(TargetRanges.subtract(List.of("10.0.0.5"), List.of("10.0.0.5"))).isEmpty();
        assertThat(TargetRanges.subtract(List.of("fd00::1", "fd00::2"), List.of("FD00::1"))).containsExactly("fd00::2");
        assertThat(TargetRanges.subtract(List.of("10.0.0.0/30"), List.of())).containsExactly("10.0.0.0/30");
        assertThat(TargetRanges.understood("10.0.0.0/8")).isTrue();
        assertThat(TargetRanges.understood("host.example")).isFalse();
    }
}
