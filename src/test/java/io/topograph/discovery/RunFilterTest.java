package io.topograph.discovery;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RunFilterTest {

    private static RunFilter.Parsed parse(String state, String trigger, String daemon, String network, String from, String to,
                                          String page, String size) {
        return RunFilter.parse(state, trigger, daemon, network, from, to, page, size, 20, true);
    }

    @Test
    void no_parameters_mean_no_filter_and_the_first_page() {
        RunFilter.Parsed p = parse(null, "", "  ", null, null, null, null, null);
        assertThat(p.errors().any()).isFalse();
        assertThat(p.filter().narrowed()).isFalse();
        assertThat(p.filter().page()).isEqualTo(1);
        assertThat(p.filter().size()).isEqualTo(20);
        assertThat(p.filter().query()).isEmpty();
        assertThat(p.filter().url("/o/a/discoveries")).isEqualTo("/o/a/discoveries");
    }

    @Test
    void states_and_triggers_are_read_in_any_case() {
        RunFilter f = parse("timed-out", "first_run", null, null, null, null, null, null).filter();
        assertThat(f.state()).isEqualTo(RunState.TIMED_OUT);
        assertThat(f.trigger()).isEqualTo("FIRST_RUN");
        assertThat(parse("Failed", "api", null, null, null, null, null, null).filter().state()).isEqualTo(RunState.FAILED);
    }

    @Test
    void a_date_range_covers_whole_utc_days_with_the_end_day_included() {
        RunFilter f = parse(null, null, null, null, "2026-11-01", "2026-11-03", null, null).filter();
        assertThat(f.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(f.to()).isEqualTo(Instant.parse("2026-11-04T00:00:00Z"));
        RunFilter exact = parse(null, null, null, null, "2026-11-01T08:30:00Z", "2026-11-01T09:00:00Z", null, null).filter();
        assertThat(exact.from()).isEqualTo(Instant.parse("2026-11-01T08:30:00Z"));
        assertThat(exact.to()).isEqualTo(Instant.parse("2026-11-01T09:00:00Z"));
        // A single day: from and to the same date.
        assertThat(parse(null, null, null, null, "2026-11-01", "2026-11-01", null, null).errors().any()).isFalse();
    }

    @Test
    void every_bad_value_is_named_and_left_out_of_the_filter() {
        RunFilter.Parsed p = parse("sleeping", "cron", "not-a-uuid", "42", "yesterday", "2026-13-01", "0", "500");
        assertThat(p.errors().list()).extracting(e -> e.field())
                .containsExactlyInAnyOrder("state", "trigger", "daemon", "network", "from", "to", "page", "size");
        assertThat(p.filter().narrowed()).isFalse();
        assertThat(p.filter().page()).isEqualTo(1);
        assertThat(p.filter().size()).isEqualTo(20);
        assertThat(parse(null, null, null, null, null, null, "x", null).errors().has("page")).isTrue();
        assertThat(parse("x".repeat(10_000), null, null, null, null, null, null, null).errors().has("state")).isTrue();
    }

    @Test
    void a_range_that_ends_before_it_starts_is_refused() {
        RunFilter.Parsed p = parse(null, null, null, null, "2026-11-05", "2026-11-01", null, null);
        assertThat(p.errors().get("to")).contains("after its start");
        assertThat(p.filter().to()).isNull();
        assertThat(p.filter().from()).isNotNull();
    }

    @Test
    void pages_forgive_a_bad_page_number_but_not_a_bad_filter() {
        RunFilter.Parsed p = RunFilter.parse("nope", null, null, null, null, null, "x", "-3", 20, false);
        assertThat(p.errors().list()).extracting(e -> e.field()).containsExactly("state");
        assertThat(p.filter().page()).isEqualTo(1);
        assertThat(p.filter().size()).isEqualTo(20);
    }

    @Test
    void the_filters_make_a_bookmarkable_query_without_the_page() {
        UUID daemon = UUID.fromString("11111111-2222-3333-4444-555555555555");
        RunFilter f = parse("failed", "scheduled", daemon.toString(), null, "2026-11-01", "2026-11-02", "3", null).filter();
        assertThat(f.page()).isEqualTo(3);
        assertThat(f.query()).isEqualTo("state=FAILED&trigger=SCHEDULED&daemon=" + daemon + "&from=2026-11-01&to=2026-11-02");
        assertThat(f.url("/x")).startsWith("/x?state=FAILED&");
        RunFilter again = parse(f.stateParam(), f.triggerParam(), f.daemonParam(), f.networkParam(), f.fromParam(), f.toParam(),
                null, null).filter();
        assertThat(again.withPage(3)).isEqualTo(f);
        // Instants are URL-encoded.
        assertThat(parse(null, null, null, null, "2026-11-01T08:00:00Z", null, null, null).filter().query())
                .isEqualTo("from=2026-11-01T08%3A00%3A00Z");
    }
}
