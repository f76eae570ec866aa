package io.topograph.discovery;

import io.topograph.platform.daemonjar.DaemonJar;
import io.topograph.platform.daemonjar.DaemonLibrary;
import io.topograph.platform.web.FormErrors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Scan now form, judged by the real daemon parsers (the bundled daemon jar), without a server. */
class DiscoveryFormTest {

    @TempDir
    static Path dataDir;

    static DaemonLibrary rules;

    @BeforeAll
    static void loadTheDaemonsParsers() {
        rules = new DaemonLibrary(new DaemonJar(dataDir.toString()));
    }

    @AfterAll
    static void close() throws Exception {
        var close = DaemonLibrary.class.getDeclaredMethod("close");
        close.setAccessible(true);
        close.invoke(rules);
    }

    private static FormErrors errors;

    private static Optional<DiscoveryForm.Checked> check(DiscoveryForm form, List<String> subnets) {
        errors = FormErrors.none();
        return form.check(rules, errors, subnets);
    }

    private static DiscoveryForm custom(String targets, String ports) {
        return new DiscoveryForm("custom", targets, ports, "", "");
    }

    @Test
    void targets_are_split_on_commas_spaces_and_new_lines_without_repeats() {
        assertThat(DiscoveryForm.splitTargets(" 127.0.0.1,127.0.0.2\n127.0.10.0/24  127.0.0.1-20,\r\n,127.0.0.2 "))
                .containsExactly("127.0.0.1", "127.0.0.2", "127.0.10.0/24", "127.0.0.1-20");
        assertThat(DiscoveryForm.splitTargets("   ")).isEmpty();
        assertThat(DiscoveryForm.splitTargets(null)).isEmpty();
    }

    @Test
    void custom_targets_and_a_port_list_pass_as_typed_with_spaces_removed() {
        Optional<DiscoveryForm.Checked> ok = check(new DiscoveryForm(null, "127.0.0.1\n127.0.10.0/28", "custom", "22, 80 8000-8010", null), List.of());
        assertThat(errors.any()).as(errors.list().toString()).isFalse();
        assertThat(ok.orElseThrow().targets()).containsExactly("127.0.0.1", "127.0.10.0/28");
        assertThat(ok.get().ports()).isEqualTo("22,80,8000-8010");
    }

    @Test
    void profiles_are_kept_and_the_api_may_send_a_port_list_directly() {
        assertThat(check(custom("127.0.0.1", "TOP1000"), List.of()).orElseThrow().ports()).isEqualTo("top1000");
        assertThat(check(custom("127.0.0.1", "all"), List.of()).orElseThrow().ports()).isEqualTo("all");
        assertThat(check(custom("127.0.0.1", null), List.of()).orElseThrow().ports()).isEqualTo("top100");
        assertThat(check(custom("127.0.0.1", "22,80"), List.of()).orElseThrow().ports()).isEqualTo("22,80");
    }

    @Test
    void empty_targets_are_refused_with_an_example() {
        assertThat(check(custom("  \n ", "top100"), List.of())).isEmpty();
        assertThat(errors.get("targets")).startsWith("Enter at least one target");
    }

    @Test
    void multicast_and_cloud_metadata_addresses_are_refused_by_the_daemons_rules() {
        assertThat(check(custom("127.0.0.1, 224.0.0.1", "top100"), List.of())).isEmpty();
        assertThat(errors.get("targets")).contains("224.0.0.1").contains("multicast").endsWith(".");
        assertThat(check(custom("169.254.169.254", "top100"), List.of())).isEmpty();
        assertThat(errors.get("targets")).contains("metadata");
        assertThat(check(custom("not-a-host", "top100"), List.of())).isEmpty();
        assertThat(errors.get("targets")).isNotBlank();
    }

    @Test
    void more_than_64_entries_are_refused() {
        String many = IntStream.rangeClosed(1, 65).mapToObj(i -> "127.0.1." + i).collect(Collectors.joining(","));
        assertThat(check(custom(many, "top100"), List.of())).isEmpty();
        assertThat(errors.get("targets")).contains("at most 64").contains("65");
        String enough = IntStream.rangeClosed(1, 64).mapToObj(i -> "127.0.1." + i).collect(Collectors.joining(","));
        assertThat(check(custom(enough, "top100"), List.of())).isPresent();
    }

    @Test
    void entries_that_together_cover_more_than_a_slash_16_are_refused() {
        assertThat(check(custom("127.1.0.0/16, 127.2.0.0/16", "top100"), List.of())).isEmpty();
        assertThat(errors.get("targets")).contains("limit");
    }

    @Test
    void bad_ports_are_explained_on_the_field_the_user_typed_them_in() {
        assertThat(check(new DiscoveryForm("custom", "127.0.0.1", "custom", "70000", ""), List.of())).isEmpty();
        assertThat(errors.has("customPorts")).isTrue();
        assertThat(check(new DiscoveryForm("custom", "127.0.0.1", "custom", "   ", ""), List.of())).isEmpty();
        assertThat(errors.get("customPorts")).startsWith("Enter the ports");
        assertThat(check(custom("127.0.0.1", "80-22"), List.of())).isEmpty();
        assertThat(errors.get("ports")).contains("before the start");
    }

    @Test
    void target_and_port_errors_are_reported_together() {
        assertThat(check(new DiscoveryForm("custom", "224.0.0.1", "custom", "abc", ""), List.of())).isEmpty();
        assertThat(errors.has("targets")).isTrue();
        assertThat(errors.has("customPorts")).isTrue();
    }

    @Test
    void subnets_mode_scans_the_daemons_subnets_and_refuses_when_none_are_known() {
        DiscoveryForm subnets = new DiscoveryForm("subnets", "ignored", "top100", "", "");
        assertThat(check(subnets, List.of("127.0.10.0/24", "127.0.20.0/24")).orElseThrow().targets())
                .containsExactly("127.0.10.0/24", "127.0.20.0/24");
        assertThat(check(subnets, List.of())).isEmpty();
        assertThat(errors.get("targets")).contains("No subnets are known");
        // A daemon on a whole /8 (the loopback example of the protocol) is too wide to scan at once.
        assertThat(check(subnets, List.of("127.0.0.0/8"))).isEmpty();
        assertThat(errors.get("targets")).contains("127.0.0.0/8");
    }

    @Test
    void an_unknown_targets_mode_or_a_malformed_daemon_id_is_a_field_error() {
        assertThat(check(new DiscoveryForm("everything", "127.0.0.1", "top100", "", ""), List.of())).isEmpty();
        assertThat(errors.has("targetsMode")).isTrue();
        FormErrors e = FormErrors.none();
        assertThat(new DiscoveryForm(null, null, null, null, "rack-a").daemon(e)).isEmpty();
        assertThat(e.has("daemonId")).isTrue();
        assertThat(new DiscoveryForm(null, null, null, null, " ").daemon(e = FormErrors.none())).isEmpty();
        assertThat(e.any()).isFalse();
    }

    @Test
    void the_form_shows_a_direct_port_list_as_the_custom_choice() {
        DiscoveryForm f = new DiscoveryForm(null, null, "22,80", null, null);
        assertThat(f.portChoice()).isEqualTo("custom");
        assertThat(f.customPortsText()).isEqualTo("22,80");
        assertThat(DiscoveryForm.empty().portChoice()).isEqualTo("top100");
        assertThat(DiscoveryForm.empty().customPortsText()).isEmpty();
    }

    @Test
    void parser_messages_become_sentences() {
        assertThat(DiscoveryForm.sentence("refused target \"x\": bad")).isEqualTo("Refused target \"x\": bad.");
        assertThat(DiscoveryForm.sentence("Done.")).isEqualTo("Done.");
    }
}
