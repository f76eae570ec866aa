package io.topograph.notifications;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.changes.ChangeKind;
import io.topograph.networks.NetworkService;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/** Hosted mode: webhooks may not target the service's own loopback, private or link-local addresses (SSRF). */
@MicronautTest(transactional = false)
@Property(name = "topograph.hosted", value = "true")
class HostedWebhookTest extends AppTest {

    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    ChangeRecorder recorder;
    @Inject
    DeliveryWorker worker;

    private TestDatabase db() {
        return new TestDatabase(dataSource);
    }

    @Test
    void internal_webhook_urls_are_refused_when_saving_and_nothing_is_written() {
        Accounts.Account owner = signUp("ada");
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://10.0.0.5/hook", "http://169.254.169.254/latest/meta-data/",
                "http://[::1]/hook", "http://localhost/hook")) {
            HttpResponse<String> refused = owner.web().post(owner.org("/notifications/rules"), form("name", "Hook", "kinds", "HOST_APPEARED",
                    "channel", "WEBHOOK", "url", url, "enabled", "on"));
            assertThat(refused.statusCode()).as(url).isEqualTo(422);
            assertThat(refused.body()).as(url).contains("webhooks must go to a public address").contains("Webhooks must go to a public address.");
        }
        assertThat(db().count("select count(*) from notification_rules where organization_id = ?", db().organizationId(owner.slug()))).isZero();
    }

    @Test
    void a_target_that_became_internal_is_refused_at_send_time_without_a_request() throws Exception {
        Accounts.Account owner = signUp("ada");
        UUID org = db().organizationId(owner.slug());
        UUID network = db().networkId(owner.slug(), NetworkService.FIRST_NETWORK_NAME);
        try (Receiver receiver = new Receiver(n -> 200)) {
            // As if the name had resolved to a public address when saved and to loopback now.
            db().update("insert into notification_rules (id, organization_id, name, kinds, channel, webhook_url, webhook_secret)"
                            + " values (?, ?, 'Rebound', '{HOST_APPEARED}', 'WEBHOOK', ?, ?)",
                    UUID.randomUUID(), org, receiver.url(), WebhookSigner.newSecret());
            recorder.record(org, network, List.of(ChangeRecorder.Change.of(ChangeKind.HOST_APPEARED, "x", "10.0.0.9")));
            for (int i = 0; i < 10 && db().count("select count(*) from notification_deliveries where organization_id = ? and status = 'FAILED'", org) == 0; i++) {
                worker.runOnce();
                Thread.sleep(50);
            }
            assertThat(db().column("select status from notification_deliveries where organization_id = ?", org)).containsExactly("FAILED");
            assertThat((String) db().column("select last_error from notification_deliveries where organization_id = ?", org).get(0))
                    .startsWith("Refused target");
            assertThat(db().column("select attempts from notification_deliveries where organization_id = ?", org)).containsExactly(1);
            assertThat(receiver.requests).isEmpty();
        }
    }
}
