package io.topograph.daemons;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DaemonViewsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void token_expiry_reads_as_time_left() {
        assertThat(DaemonViews.expiresIn(NOW.plusSeconds(3600), NOW)).isEqualTo("in 60 min");
        assertThat(DaemonViews.expiresIn(NOW.plusSeconds(24 * 3600), NOW)).isEqualTo("in 24 h");
        assertThat(DaemonViews.expiresIn(NOW.plusSeconds(7 * 24 * 3600), NOW)).isEqualTo("in 7 days");
        assertThat(DaemonViews.expiresIn(NOW.plusSeconds(10), NOW)).isEqualTo("in 1 min");
    }

    @Test
    void a_token_form_takes_the_defaults_and_refuses_out_of_range_values() {
        TokenForm.Valid defaults = new TokenForm(null, null, null).validate();
        assertThat(defaults.expiry()).isEqualTo(TokenExpiry.DAY);
        assertThat(defaults.maxUses()).isEqualTo(1);
        assertThat(defaults.nameHint()).isNull();
        TokenForm.Valid chosen = new TokenForm("  rack-a ", "7d", "1000").validate();
        assertThat(chosen.nameHint()).isEqualTo("rack-a");
        assertThat(chosen.expiry()).isEqualTo(TokenExpiry.WEEK);
        assertThat(chosen.maxUses()).isEqualTo(1000);
        for (String bad : new String[]{"0", "1001", "-1", "1.5", "ten", "99999"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TokenForm("", "24h", bad).validate())
                    .as(bad).isInstanceOf(io.topograph.platform.web.ValidationException.class);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TokenForm("", "2h", "1").validate())
                .isInstanceOf(io.topograph.platform.web.ValidationException.class);
    }
}
