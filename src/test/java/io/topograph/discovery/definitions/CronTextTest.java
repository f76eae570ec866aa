package io.topograph.discovery.definitions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CronTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "30 2 * * *     | 0 30 2 * * ?",
            "*/15 * * * *   | 0 0,15,30,45 * * * ?",
            "0 9 * * 1-5    | 0 0 9 ? * 2-6",
            "0 0 * * 0      | 0 0 0 ? * 1",
            "0 0 * * 7      | 0 0 0 ? * 1",
            "0 0 * * SUN,sat | 0 0 0 ? * 1,7",
            "0 0 1 jan-mar * | 0 0 0 1 1-3 ?",
            "5 4 1,15 * *   | 0 5 4 1,15 * ?",
            "0 0-6/2 * * *  | 0 0 0,2,4,6 * * ?",
            "0 0 * * 0-7    | 0 0 0 * * ?",
            "@weekly        | 0 0 0 ? * 1",
            "@daily         | 0 0 0 * * ?",
            "  0   3  * * *  | 0 0 3 * * ?",
    })
    void five_field_cron_becomes_quartz(String cron, String quartz) {
        assertThat(CronText.toQuartz(cron)).isEqualTo(quartz);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                 | Enter a cron expression",
            "* * * *            | five fields",
            "0 0 3 * * ?        | Seconds and years are not supported",
            "60 * * * *         | The minute must be from 0 to 59",
            "0 24 * * *         | The hour must be from 0 to 23",
            "0 0 0 * *          | The day of the month must be from 1 to 31",
            "0 0 * 13 *         | The month must be from 1 to 12",
            "0 0 * * 8          | The day of the week must be from 0 to 7",
            "0 0 1 * 1          | Restrict either the day of the month or the day of the week",
            "0 0 30 2 *         | never matches a real date",
            "5-1 * * * *        | goes backwards",
            "*/0 * * * *        | must be 1 or more",
            "a * * * *          | is not valid in the minute field",
            "0 0 * * FOO        | is not valid in the day of the week field",
            "1,,2 * * * *       | empty entry",
            "@often             | not a known shortcut",
            "0 0 L * *          | is not valid in the day of the month field",
    })
    void bad_cron_gets_a_sentence(String cron, String message) {
        assertThatThrownBy(() -> CronText.toQuartz(cron)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void an_overlong_expression_is_refused() {
        assertThatThrownBy(() -> CronText.toQuartz("1,".repeat(150) + "2 * * * *")).hasMessageContaining("at most 200 characters");
        assertThatThrownBy(() -> CronText.toQuartz("0,2,4,6,8,10,12,14,16,18,20,22,24,26,28,30,32,34,36,38,40,42,44,46,48,50,52,54,56,58"
                + " 1,3,5,7,9,11,13,15,17,19,21,23 * * *")).hasMessageContaining("too many separate values");
    }

    @Test
    void next_fire_keeps_the_local_time_across_daylight_saving_changes() {
        String quartz = CronText.toQuartz("0 9 * * *");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // Before the spring change (CET, UTC+1) and after it (CEST, UTC+2): 09:00 local both days.
        Instant saturday = ZonedDateTime.of(2027, 3, 27, 10, 0, 0, 0, berlin).toInstant();
        assertThat(CronText.next(quartz, berlin, saturday)).hasValue(Instant.parse("2027-03-28T07:00:00Z"));
        Instant friday = ZonedDateTime.of(2027, 3, 26, 10, 0, 0, 0, berlin).toInstant();
        assertThat(CronText.next(quartz, berlin, friday)).hasValue(Instant.parse("2027-03-27T08:00:00Z"));
        // Autumn: back to UTC+1.
        Instant octoberSaturday = ZonedDateTime.of(2027, 10, 30, 10, 0, 0, 0, berlin).toInstant();
        assertThat(CronText.next(quartz, berlin, octoberSaturday)).hasValue(Instant.parse("2027-10-31T08:00:00Z"));
    }

    @Test
    void a_time_that_does_not_exist_on_the_spring_change_day_is_skipped_that_day() {
        // 02:30 does not exist in Berlin on Sunday 28 March 2027 (02:00 → 03:00): the next fire is Monday's.
        String quartz = CronText.toQuartz("30 2 * * *");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(CronText.next(quartz, berlin, Instant.parse("2027-03-27T02:00:00Z"))).hasValue(Instant.parse("2027-03-29T00:30:00Z"));
    }

    @Test
    void a_time_that_happens_twice_on_the_autumn_change_day_fires_once() {
        // 02:30 happens twice in Berlin on 31 October 2027 (00:30 and 01:30 UTC): one fire, then the next day.
        String quartz = CronText.toQuartz("30 2 * * *");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant first = CronText.next(quartz, berlin, Instant.parse("2027-10-31T00:00:00Z")).orElseThrow();
        assertThat(first).isEqualTo(Instant.parse("2027-10-31T01:30:00Z"));
        assertThat(CronText.next(quartz, berlin, first)).hasValue(Instant.parse("2027-11-01T01:30:00Z"));
    }

    @Test
    void the_same_expression_fires_at_different_instants_in_different_zones() {
        String quartz = CronText.toQuartz("0 6 * * *");
        Instant t = Instant.parse("2027-01-10T00:00:00Z");
        assertThat(CronText.next(quartz, ZoneId.of("UTC"), t)).hasValue(Instant.parse("2027-01-10T06:00:00Z"));
        assertThat(CronText.next(quartz, ZoneId.of("America/New_York"), t)).hasValue(Instant.parse("2027-01-10T11:00:00Z"));
        assertThat(CronText.next(quartz, ZoneId.of("Asia/Kolkata"), t)).hasValue(Instant.parse("2027-01-10T00:30:00Z"));
    }

    @Test
    void time_zones_must_be_iana_names() {
        assertThat(CronText.zone("Europe/Berlin")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(CronText.zone("UTC")).isEqualTo(ZoneId.of("UTC"));
        assertThatThrownBy(() -> CronText.zone("Mars/Olympus")).hasMessageContaining("is not a time zone name");
        assertThatThrownBy(() -> CronText.zone("+02:00")).hasMessageContaining("is not a time zone name");
        assertThatThrownBy(() -> CronText.zone("")).hasMessageContaining("Choose a time zone");
    }
}
