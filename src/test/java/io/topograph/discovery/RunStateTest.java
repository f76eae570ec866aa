package io.topograph.discovery;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class RunStateTest {

    @Test
    void a_queued_run_can_only_be_claimed_cancelled_or_time_out() {
        assertThat(EnumSet.allOf(RunState.class).stream().filter(RunState.QUEUED::canBecome))
                .containsExactlyInAnyOrder(RunState.RUNNING, RunState.CANCELLED, RunState.TIMED_OUT);
    }

    @Test
    void a_running_run_can_finish_either_way_be_cancelled_time_out_or_be_queued_again_after_a_lost_lease() {
        assertThat(EnumSet.allOf(RunState.class).stream().filter(RunState.RUNNING::canBecome))
                .containsExactlyInAnyOrder(RunState.QUEUED, RunState.SUCCEEDED, RunState.FAILED, RunState.CANCELLED, RunState.TIMED_OUT);
    }

    @Test
    void finished_runs_never_change_again() {
        for (RunState done : EnumSet.of(RunState.SUCCEEDED, RunState.FAILED, RunState.CANCELLED, RunState.TIMED_OUT)) {
            assertThat(done.finished()).isTrue();
            assertThat(done.active()).isFalse();
            assertThat(EnumSet.allOf(RunState.class).stream().filter(done::canBecome)).as(done.name()).isEmpty();
        }
    }

    @Test
    void only_queued_and_running_runs_are_active() {
        assertThat(EnumSet.allOf(RunState.class).stream().filter(RunState::active))
                .containsExactlyInAnyOrder(RunState.QUEUED, RunState.RUNNING);
    }

    @Test
    void states_in_filters_are_parsed_leniently_and_unknown_ones_refused() {
        assertThat(RunState.parse("timed-out")).contains(RunState.TIMED_OUT);
        assertThat(RunState.parse(" queued ")).contains(RunState.QUEUED);
        assertThat(RunState.parse("DONE")).isEmpty();
        assertThat(RunState.parse(null)).isEmpty();
    }

    @Test
    void phases_are_parsed_leniently_and_unknown_ones_refused() {
        assertThat(RunPhase.parse("port_scan")).contains(RunPhase.PORT_SCAN);
        assertThat(RunPhase.parse(" EVIDENCE ")).contains(RunPhase.EVIDENCE);
        assertThat(RunPhase.parse("SLEEPING")).isEmpty();
        assertThat(RunPhase.parse(null)).isEmpty();
    }
}
