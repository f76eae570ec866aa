package io.topograph.platform.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** When a schedule fires, in Quartz's terms (the feature translates what users write). */
public sealed interface ScheduleSpec {

    /** A Quartz cron expression (seconds first, one of day-of-month/day-of-week is {@code ?}) in a time zone. */
    record Cron(String quartzExpression, ZoneId zone) implements ScheduleSpec {
    }

    /** Every {@code interval}, the first fire at {@code firstFire}. */
    record Every(Duration interval, Instant firstFire) implements ScheduleSpec {
    }
}
