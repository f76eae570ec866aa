package io.topograph.notifications;

import io.topograph.changes.ChangeEvent;
import io.topograph.changes.ChangeKind;
import io.topograph.platform.web.ValidationException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pure logic: which changes a rule announces, form validation, back-off, signatures, webhook targets. */
class RuleMatchingTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID HOME = UUID.randomUUID();
    private static final UUID LAB = UUID.randomUUID();

    private static NotificationRule rule(Set<ChangeKind> kinds, UUID network, boolean enabled) {
        return new NotificationRule(UUID.randomUUID(), ORG, "r", kinds, network, NotificationChannel.EMAIL, List.of("a@example.com"),
                null, null, enabled, Instant.now(), Instant.now());
    }

    private static ChangeEvent event(UUID org, UUID network, ChangeKind kind) {
        return new ChangeEvent(UUID.randomUUID(), org, network, UUID.randomUUID(), null, kind, "host", "subject", null, null, Instant.now(), null);
    }

    @Test
    void a_rule_matches_only_its_kinds() {
        NotificationRule newDevices = rule(EnumSet.of(ChangeKind.HOST_APPEARED), null, true);
        assertThat(newDevices.matches(event(ORG, HOME, ChangeKind.HOST_APPEARED))).isTrue();
        assertThat(newDevices.matches(event(ORG, HOME, ChangeKind.HOST_DISAPPEARED))).isFalse();
        assertThat(newDevices.matches(event(ORG, HOME, ChangeKind.SERVICE_APPEARED))).isFalse();
    }

    @Test
    void a_network_filter_limits_the_rule_and_no_filter_means_every_network() {
        NotificationRule labOnly = rule(EnumSet.of(ChangeKind.SERVICE_APPEARED), LAB, true);
        assertThat(labOnly.matches(event(ORG, LAB, ChangeKind.SERVICE_APPEARED))).isTrue();
        assertThat(labOnly.matches(event(ORG, HOME, ChangeKind.SERVICE_APPEARED))).isFalse();
        NotificationRule everywhere = rule(EnumSet.of(ChangeKind.SERVICE_APPEARED), null, true);
        assertThat(everywhere.matches(event(ORG, HOME, ChangeKind.SERVICE_APPEARED))).isTrue();
        assertThat(everywhere.matches(event(ORG, LAB, ChangeKind.SERVICE_APPEARED))).isTrue();
    }

    @Test
    void a_disabled_rule_and_another_organizations_changes_never_match() {
        assertThat(rule(EnumSet.allOf(ChangeKind.class), null, false).matches(event(ORG, HOME, ChangeKind.HOST_APPEARED))).isFalse();
        assertThat(rule(EnumSet.allOf(ChangeKind.class), null, true).matches(event(UUID.randomUUID(), HOME, ChangeKind.HOST_APPEARED))).isFalse();
    }

    @Test
    void select_keeps_the_matching_changes_in_order() {
        ChangeEvent a = event(ORG, HOME, ChangeKind.HOST_APPEARED), b = event(ORG, HOME, ChangeKind.PORT_OPENED),
                c = event(ORG, HOME, ChangeKind.HOST_DISAPPEARED), d = event(ORG, LAB, ChangeKind.HOST_APPEARED);
        NotificationRule rule = rule(EnumSet.of(ChangeKind.HOST_APPEARED, ChangeKind.HOST_DISAPPEARED), HOME, true);
        assertThat(rule.select(List.of(a, b, c, d))).containsExactly(a, c);
    }

    @Test
    void the_form_normalises_recipients_and_rejects_bad_ones() {
        WebhookTargets targets = new WebhookTargets(false, host -> { throw new UnknownHostException(host); });
        RuleForm.Valid valid = new RuleForm(" Ops ", List.of("host_appeared", "SERVICE_APPEARED"), HOME.toString(), "email",
                "A@Example.com; b@example.com\nA@example.com", null, "on").validate(Set.of(HOME), targets);
        assertThat(valid.name()).isEqualTo("Ops");
        assertThat(valid.kinds()).containsExactly(ChangeKind.HOST_APPEARED, ChangeKind.SERVICE_APPEARED);
        assertThat(valid.recipients()).containsExactly("a@example.com", "b@example.com");
        assertThat(valid.networkId()).isEqualTo(HOME);
        assertThat(valid.enabled()).isTrue();
        String many = String.join(",", java.util.stream.IntStream.range(0, 21).mapToObj(i -> "u" + i + "@example.com").toList());
        assertThatThrownBy(() -> new RuleForm("n", List.of("HOST_APPEARED"), "", "EMAIL", many, null, null).validate(Set.of(), targets))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get("recipients")).contains("at most 20"));
        assertThatThrownBy(() -> new RuleForm("n", List.of("HOST_APPEARED"), LAB.toString(), "EMAIL", "a@example.com", null, null)
                .validate(Set.of(HOME), targets))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get("networkId")).isEqualTo("Choose a network from the list."));
    }

    @Test
    void back_off_doubles_from_the_base_and_is_capped() {
        Duration base = Duration.ofMinutes(1);
        assertThat(List.of(1, 2, 3, 4, 7).stream().map(n -> NotificationSettings.backoff(base, n)).toList())
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(64));
        assertThat(NotificationSettings.backoff(base, 40)).isEqualTo(NotificationSettings.MAX_DELAY);
    }

    @Test
    void signatures_depend_on_secret_timestamp_and_body() {
        String secret = WebhookSigner.newSecret();
        assertThat(secret).startsWith("whsec_").hasSize(49).isNotEqualTo(WebhookSigner.newSecret());
        String sig = WebhookSigner.signature(secret, 1700000000L, "{}");
        assertThat(sig).matches("v1=[0-9a-f]{64}").isEqualTo(WebhookSigner.signature(secret, 1700000000L, "{}"));
        assertThat(WebhookSigner.signature(secret, 1700000001L, "{}")).isNotEqualTo(sig);
        assertThat(WebhookSigner.signature(secret, 1700000000L, "{ }")).isNotEqualTo(sig);
        assertThat(WebhookSigner.signature(WebhookSigner.newSecret(), 1700000000L, "{}")).isNotEqualTo(sig);
    }

    @Test
    void hosted_mode_refuses_internal_webhook_targets() throws Exception {
        // Names resolve through this map only: no lookup ever leaves the machine.
        WebhookTargets hosted = new WebhookTargets(true, host -> switch (host) {
            case "hooks.example.com" -> new InetAddress[]{InetAddress.getByAddress(host, new byte[]{93, (byte) 184, (byte) 216, 34})};
            case "sneaky.example.com" -> new InetAddress[]{InetAddress.getByAddress(host, new byte[]{93, (byte) 184, (byte) 216, 34}),
                    InetAddress.getByAddress(host, new byte[]{10, 0, 0, 7})};
            default -> {
                if (host.matches("[0-9a-fA-F:.]+")) {
                    yield new InetAddress[]{InetAddress.getByName(host)};
                }
                throw new UnknownHostException(host);
            }
        });
        for (String internal : List.of("http://127.0.0.1:8080/hook", "http://127.1.2.3/", "https://10.1.2.3/", "https://172.16.0.1/",
                "https://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/", "http://0.0.0.0/",
                "http://[::1]/", "http://[fd00::1]/", "http://[fe80::1]/", "http://[::ffff:127.0.0.1]/", "http://localhost:8080/",
                "http://metadata.google.internal/", "https://sneaky.example.com/hook", "http://224.0.0.1/")) {
            assertThat(hosted.problem(internal)).as(internal).isPresent();
        }
        assertThat(hosted.problem("https://hooks.example.com/topograph")).isEmpty();
        assertThat(hosted.problem("https://93.184.216.34/hook")).isEmpty();
        assertThat(hosted.problem("https://[2606:4700::1111]/hook")).isEmpty();
        assertThat(hosted.problem("https://nowhere.example.com/")).get().asString().contains("does not resolve");
    }

    @Test
    void self_hosted_mode_allows_the_lan_but_still_checks_the_shape() {
        WebhookTargets selfHosted = new WebhookTargets(false, host -> { throw new AssertionError("no lookup in self-hosted mode"); });
        assertThat(selfHosted.problem("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(selfHosted.problem("http://192.168.1.10/hook")).isEmpty();
        assertThat(selfHosted.problem("http://homeassistant.local:8123/api/webhook/x")).isEmpty();
        assertThat(selfHosted.problem("ftp://127.0.0.1/")).get().asString().contains("http://");
        assertThat(selfHosted.problem("http://user:pw@127.0.0.1/")).get().asString().contains("user names");
        assertThat(selfHosted.problem("http:///nohost")).isPresent();
        assertThat(selfHosted.problem("http://127.0.0.1/" + "x".repeat(2000))).get().asString().contains("at most");
        assertThat(selfHosted.problem("  ")).get().asString().isEqualTo("This field is required.");
    }
}
