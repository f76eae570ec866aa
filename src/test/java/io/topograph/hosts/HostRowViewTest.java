package io.topograph.hosts;

import io.topograph.tags.TagRef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class HostRowViewTest {

    private final Instant now = Instant.parse("2026-11-23T12:00:00Z");

    private HostRow row(boolean hidden, List<String> categories, String ip) {
        return new HostRow(UUID.fromString("00000000-0000-0000-0000-000000000001"), UUID.randomUUID(), "nas", null, "DISCOVERED",
                hidden, ip, null, categories.size(), categories, List.of(new TagRef(UUID.randomUUID(), "prod", "#ffffff")),
                now.minus(Duration.ofDays(3)), now.minus(Duration.ofMinutes(4)));
    }

    @Test
    void a_row_shows_three_categories_then_a_count_and_dashes_for_missing_addresses() {
        HostRowView v = HostRowView.of(row(false, List.of("A", "B", "C", "D", "E"), null), "/o/x/hosts/", now);
        assertThat(v.categories()).isEqualTo("A · B · C +2");
        assertThat(v.mainIp()).isEqualTo("—");
        assertThat(v.mac()).isEqualTo("—");
        assertThat(v.url()).isEqualTo("/o/x/hosts/00000000-0000-0000-0000-000000000001");
        assertThat(v.lastSeen()).isEqualTo("4 min ago");
        assertThat(v.firstSeen()).isEqualTo("3 days ago");
        assertThat(v.tags().get(0).style()).isEqualTo("background-color:#ffffff;color:#000000");
        assertThat(HostRowView.of(row(false, List.of("A", "B"), "10.0.0.1"), "/", now).categories()).isEqualTo("A · B");
    }

    @Test
    void the_row_button_hides_a_visible_host_and_shows_a_hidden_one() {
        HostRowView visible = HostRowView.of(row(false, List.of(), "10.0.0.1"), "/", now);
        assertThat(visible.hideValue()).isEqualTo("true");
        assertThat(visible.hideVals()).isEqualTo("{\"hidden\":\"true\",\"from\":\"row\"}");
        HostRowView hidden = HostRowView.of(row(true, List.of(), "10.0.0.1"), "/", now);
        assertThat(hidden.hideValue()).isEqualTo("false");
        assertThat(hidden.hideLabel()).isEqualTo("Unhide");
    }
}
