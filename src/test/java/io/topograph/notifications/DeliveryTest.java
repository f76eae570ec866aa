package io.topograph.notifications;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.changes.ChangeKind;
import io.topograph.changes.ChangesRecorded;
import io.topograph.networks.NetworkService;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.Mailbox;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deliveries end to end: changes recorded in a transaction → outbox → worker → a receiver on 127.0.0.1 or the dev mailbox. */
@MicronautTest(transactional = false)
@Property(name = "topograph.notifications.retry-base", value = "300ms")
@Property(name = "topograph.notifications.max-attempts", value = "3")
@Property(name = "topograph.notifications.webhook-timeout", value = "3s")
class DeliveryTest extends AppTest {

    private static final List<ChangeRecorder.Change> CHANGES = List.of(
            ChangeRecorder.Change.of(ChangeKind.HOST_APPEARED, "printer-2", "192.168.1.20"),
            ChangeRecorder.Change.of(ChangeKind.SERVICE_APPEARED, "nas", "PostgreSQL"),
            ChangeRecorder.Change.of(ChangeKind.PORT_OPENED, "nas", "5432/tcp"));

    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    ChangeRecorder recorder;
    @Inject
    DeliveryWorker worker;
    @Inject
    Mailbox mailbox;
    @Inject
    JsonMapper json;

    private TestDatabase db() {
        return new TestDatabase(dataSource);
    }

    /** A webhook rule for host and service appearances on every network; returns its signing secret. */
    private String webhookRule(Accounts.Account owner, String url) {
        HttpResponse<String> created = MultiForm.post(owner.web(), owner.org("/notifications/rules"), "name", "Hook", "kinds", "HOST_APPEARED",
                "kinds", "SERVICE_APPEARED", "networkId", "", "channel", "WEBHOOK", "url", url, "enabled", "on");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        String page = owner.web().get(created.headers().firstValue("Location").orElseThrow()).body();
        return page.replaceAll("(?s).*value=\"(whsec_[A-Za-z0-9_-]+)\".*", "$1");
    }

    private void await(BooleanSupplier done, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting").isLessThan(end);
            worker.runOnce();
            Thread.sleep(25);
        }
    }

    private String status(UUID organizationId) {
        return (String) db().column("select status from notification_deliveries where organization_id = ?", organizationId).get(0);
    }

    @Test
    void a_webhook_carries_the_changes_and_a_signature_the_receiver_can_verify() throws Exception {
        Accounts.Account owner = signUp("ada");
        UUID org = db().organizationId(owner.slug());
        UUID network = db().networkId(owner.slug(), NetworkService.FIRST_NETWORK_NAME);
        try (Receiver receiver = new Receiver(n -> 204)) {
            String secret = webhookRule(owner, receiver.url());
            ChangesRecorded recorded = recorder.record(org, network, CHANGES);
            await(() -> receiver.requests.size() == 1 && "DELIVERED".equals(status(org)), Duration.ofSeconds(10));

            Receiver.Request request = receiver.requests.get(0);
            long timestamp = Long.parseLong(request.header("Topograph-Timestamp"));
            assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(60);
            // Independent computation: HMAC-SHA256 keyed with the secret over "timestamp.body".
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
            assertThat(request.header("Topograph-Signature")).isEqualTo(expected);
            mac.init(new SecretKeySpec("whsec_wrong".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertThat(request.header("Topograph-Signature"))
                    .isNotEqualTo("v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8))));

            assertThat(request.header("Content-Type")).startsWith("application/json");
            assertThat(request.header("Topograph-Event")).isEqualTo("changes.recorded");
            JsonNode body = json.readValue(request.body(), JsonNode.class);
            assertThat(request.header("Idempotency-Key")).isEqualTo(body.get("id").getStringValue())
                    .isEqualTo(request.header("Topograph-Delivery"));
            assertThat(body.get("type").getStringValue()).isEqualTo("changes.recorded");
            assertThat(body.get("organization").get("slug").getStringValue()).isEqualTo(owner.slug());
            assertThat(body.get("network").get("id").getStringValue()).isEqualTo(network.toString());
            assertThat(body.get("network").get("name").getStringValue()).isEqualTo(NetworkService.FIRST_NETWORK_NAME);
            assertThat(body.get("network").get("changesUrl").getStringValue())
                    .isEqualTo("http://localhost/o/" + owner.slug() + "/networks/" + network + "/changes");
            assertThat(body.get("run").get("id").getStringValue()).isEqualTo(recorded.runId().toString());
            JsonNode changes = body.get("changes");
            assertThat(changes.size()).as("the port change is not one of the rule's kinds").isEqualTo(2);
            assertThat(changes.get(0).get("kind").getStringValue()).isEqualTo("HOST_APPEARED");
            assertThat(changes.get(0).get("hostName").getStringValue()).isEqualTo("printer-2");
            assertThat(changes.get(0).get("subject").getStringValue()).isEqualTo("192.168.1.20");
            assertThat(changes.get(0).get("id").getStringValue()).isEqualTo(recorded.events().get(0).id().toString());
            assertThat(changes.get(1).get("subject").getStringValue()).isEqualTo("PostgreSQL");

            String log = owner.web().get(owner.org("/notifications/deliveries")).body();
            assertThat(log).contains("Delivered").contains("HTTP 204").contains(receiver.url()).contains("(2 changes)");
        }
    }

    @Test
    void a_failing_receiver_is_retried_with_growing_back_off_and_the_same_body_and_key_until_it_succeeds() throws Exception {
        Accounts.Account owner = signUp("ada");
        UUID org = db().organizationId(owner.slug());
        UUID network = db().networkId(owner.slug(), NetworkService.FIRST_NETWORK_NAME);
        try (Receiver receiver = new Receiver(n -> n <= 2 ? 500 : 200)) {
            webhookRule(owner, receiver.url());
            recorder.record(org, network, CHANGES);
            await(() -> "DELIVERED".equals(status(org)), Duration.ofSeconds(15));

            assertThat(receiver.requests).hasSize(3);
            Receiver.Request first = receiver.requests.get(0), second = receiver.requests.get(1), third = receiver.requests.get(2);
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(third.body()).isEqualTo(first.body());
            assertThat(second.header("Idempotency-Key")).isEqualTo(first.header("Idempotency-Key"));
            assertThat(third.header("Idempotency-Key")).isEqualTo(first.header("Idempotency-Key"));
            // Back-off: 300 ms after the first failure, 600 ms after the second.
            assertThat(Duration.ofNanos(second.receivedAtNanos() - first.receivedAtNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(280));
            assertThat(Duration.ofNanos(third.receivedAtNanos() - second.receivedAtNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(580));
            assertThat(db().column("select attempts from notification_deliveries where organization_id = ?", org)).containsExactly(3);
            assertThat(db().column("select last_status_code from notification_deliveries where organization_id = ?", org)).containsExactly(200);
        }
    }

    @Test
    void a_receiver_that_keeps_failing_is_given_up_on_after_the_last_attempt_and_can_be_redelivered() throws Exception {
        Accounts.Account owner = signUp("ada");
        UUID org = db().organizationId(owner.slug());
        UUID network = db().networkId(owner.slug(), NetworkService.FIRST_NETWORK_NAME);
        try (Receiver receiver = new Receiver(n -> n <= 3 ? 503 : 200)) {
            webhookRule(owner, receiver.url());
            recorder.record(org, network, CHANGES);
            await(() -> "FAILED".equals(status(org)), Duration.ofSeconds(15));
            Thread.sleep(1500);
            worker.runOnce();
            assertThat(receiver.requests).as("no attempt after the last").hasSize(3);
            String log = owner.web().get(owner.org("/notifications/deliveries")).body();
            assertThat(log).contains("Failed").contains("HTTP 503").contains("receiver says no").contains("gave up after 3 attempts")
                    .contains("Redeliver");

            UUID delivery = (UUID) db().column("select id from notification_deliveries where organization_id = ?", org).get(0);
            HttpResponse<String> redeliver = owner.web().htmxPost(owner.org("/notifications/deliveries/" + delivery + "/redeliver"), form());
            assertThat(redeliver.statusCode()).isEqualTo(200);
            assertThat(redeliver.body()).contains("id=\"notification-deliveries\"").contains("Pending");
            await(() -> "DELIVERED".equals(status(org)), Duration.ofSeconds(10));
            assertThat(receiver.requests).hasSize(4);
            assertThat(receiver.requests.get(3).header("Idempotency-Key")).isEqualTo(receiver.requests.get(0).header("Idempotency-Key"));
        }
    }

    @Test
    void a_test_event_reaches_the_webhook_and_is_logged() throws Exception {
        Accounts.Account owner = signUp("ada");
        UUID org = db().organizationId(owner.slug());
        try (Receiver receiver = new Receiver(n -> 200)) {
            webhookRule(owner, receiver.url());
            UUID rule = (UUID) db().column("select id from notification_rules where organization_id = ?", org).get(0);
            HttpResponse<String> queued = owner.web().post(owner.org("/notifications/rules/" + rule + "/test"), form());
            assertThat(queued.statusCode()).isEqualTo(303);
            assertThat(queued.headers().firstValue("Location").orElseThrow()).endsWith(owner.org("/notifications/deliveries"));
            await(() -> receiver.requests.size() == 1, Duration.ofSeconds(10));
            Receiver.Request request = receiver.requests.get(0);
            assertThat(request.header("Topograph-Event")).isEqualTo("test");
            JsonNode body = json.readValue(request.body(), JsonNode.class);
            assertThat(body.get("type").getStringValue()).isEqualTo("test");
            assertThat(body.get("changes").size()).isZero();
        }
    }

    @Test
    void an_email_rule_sends_the_changes_with_links_to_the_dev_mailbox() throws Exception {
        Accounts.Account owner = signUp("ada");
        UUID org = db().organizationId(owner.slug());
        UUID network = db().networkId(owner.slug(), NetworkService.FIRST_NETWORK_NAME);
        String first = Accounts.uniqueEmail("ops"), second = Accounts.uniqueEmail("lead");
        assertThat(MultiForm.post(owner.web(), owner.org("/notifications/rules"), "name", "Gone or new", "kinds", "HOST_APPEARED",
                "kinds", "HOST_DISAPPEARED", "networkId", network.toString(), "channel", "EMAIL", "recipients", first + ", " + second,
                "enabled", "on").statusCode()).isEqualTo(303);
        recorder.record(org, network, List.of(
                ChangeRecorder.Change.of(ChangeKind.HOST_APPEARED, "printer-2", "192.168.1.20"),
                ChangeRecorder.Change.of(ChangeKind.HOST_DISAPPEARED, "old-laptop", "192.168.1.33"),
                ChangeRecorder.Change.of(ChangeKind.SERVICE_APPEARED, "nas", "PostgreSQL")));
        await(() -> "DELIVERED".equals(status(org)), Duration.ofSeconds(10));

        String body = mailbox.latestBody(first);
        assertThat(body).isNotNull().isEqualTo(mailbox.latestBody(second));
        assertThat(body).contains("“" + NetworkService.FIRST_NETWORK_NAME + "”").contains("found 2 changes")
                .contains("Host appeared: printer-2 — 192.168.1.20").contains("Host disappeared: old-laptop — 192.168.1.33")
                .doesNotContain("PostgreSQL").contains("“Gone or new”");
        assertThat(mailbox.latestLink(first, "/changes")).isEqualTo("/o/" + owner.slug() + "/networks/" + network + "/changes");
        assertThat(db().column("select subject from outbound_mail where lower(recipient) = lower(?)", first))
                .containsExactly("[Topograph] " + NetworkService.FIRST_NETWORK_NAME + ": 2 changes (1 × host appeared, 1 × host disappeared)");
    }

    @Test
    void rules_of_another_network_disabled_rules_and_other_organizations_get_nothing() {
        Accounts.Account owner = signUp("ada");
        UUID org = db().organizationId(owner.slug());
        UUID home = db().networkId(owner.slug(), NetworkService.FIRST_NETWORK_NAME);
        owner.web().post(owner.org("/networks"), form("name", "Lab"));
        UUID lab = db().networkId(owner.slug(), "Lab");
        owner.web().post(owner.org("/notifications/rules"), form("name", "Lab only", "kinds", "HOST_APPEARED", "networkId", lab.toString(),
                "channel", "EMAIL", "recipients", "lab@example.com", "enabled", "on"));
        owner.web().post(owner.org("/notifications/rules"), form("name", "Off", "kinds", "HOST_APPEARED", "networkId", "",
                "channel", "EMAIL", "recipients", "off@example.com"));
        Accounts.Account other = signUp("eve");
        other.web().post(other.org("/notifications/rules"), form("name", "Theirs", "kinds", "HOST_APPEARED", "networkId", "",
                "channel", "EMAIL", "recipients", "eve@example.com", "enabled", "on"));
        recorder.record(org, home, CHANGES);
        assertThat(db().count("select count(*) from notification_deliveries where organization_id = ?", org)).isZero();
        assertThat(db().count("select count(*) from notification_deliveries where organization_id = ?",
                db().organizationId(other.slug()))).isZero();
        recorder.record(org, lab, CHANGES);
        assertThat(db().column("select rule_name from notification_deliveries where organization_id = ?", org)).containsExactly("Lab only");
    }

    @Test
    void a_rolled_back_run_writes_and_sends_nothing() throws Exception {
        Accounts.Account owner = signUp("ada");
        UUID org = db().organizationId(owner.slug());
        UUID network = db().networkId(owner.slug(), NetworkService.FIRST_NETWORK_NAME);
        try (Receiver receiver = new Receiver(n -> 200)) {
            webhookRule(owner, receiver.url());
            assertThatThrownBy(() -> recorder.recordThenFail(org, network, CHANGES)).isInstanceOf(IllegalStateException.class);
            assertThat(db().count("select count(*) from change_events where organization_id = ?", org)).isZero();
            assertThat(db().count("select count(*) from notification_deliveries where organization_id = ?", org)).isZero();
            for (int i = 0; i < 5; i++) {
                worker.runOnce();
                Thread.sleep(50);
            }
            assertThat(receiver.requests).isEmpty();
            // The same changes committed: the delivery is written with them and sent.
            recorder.record(org, network, CHANGES);
            assertThat(db().count("select count(*) from notification_deliveries where organization_id = ?", org)).isEqualTo(1);
            await(() -> receiver.requests.size() == 1, Duration.ofSeconds(10));
        }
    }
}
