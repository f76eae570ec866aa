package io.topograph.notifications;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.changes.ChangeKind;
import io.topograph.networks.NetworkService;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.Mailbox;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class DigestTest extends AppTest {

    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    ChangeRecorder recorder;
    @Inject
    Digests digests;
    @Inject
    Mailbox mailbox;

    private TestDatabase db() {
        return new TestDatabase(dataSource);
    }

    private long mails(String recipient) {
        return db().count("select count(*) from outbound_mail where lower(recipient) = lower(?)", recipient);
    }

    /** An account with the digest on for a fresh recipient; returns that recipient. */
    private String digestOn(Accounts.Account owner) {
        String recipient = Accounts.uniqueEmail("digest");
        assertThat(owner.web().post(owner.org("/notifications/digest"), form("enabled", "on", "recipients", recipient)).statusCode()).isEqualTo(303);
        return recipient;
    }

    @Test
    void the_weeks_changes_are_summarised_per_network_once() {
        Accounts.Account owner = signUp("ada");
        UUID org = db().organizationId(owner.slug());
        UUID home = db().networkId(owner.slug(), NetworkService.FIRST_NETWORK_NAME);
        owner.web().post(owner.org("/networks"), form("name", "Lab"));
        UUID lab = db().networkId(owner.slug(), "Lab");
        String recipient = digestOn(owner);
        // The week of Monday 2025-01-06 (UTC); changes just outside it do not count.
        List<ChangeRecorder.Change> seven = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            seven.add(ChangeRecorder.Change.of(ChangeKind.HOST_APPEARED, "device-" + i, "10.0.0." + i));
        }
        seven.add(ChangeRecorder.Change.of(ChangeKind.SERVICE_APPEARED, "device-1", "SSH"));
        recorder.backdate(org, home, seven, Instant.parse("2025-01-07T09:00:00Z"));
        recorder.backdate(org, lab, List.of(ChangeRecorder.Change.of(ChangeKind.HOST_DISAPPEARED, "old-box", "10.9.9.9")),
                Instant.parse("2025-01-12T23:59:59Z"));
        recorder.backdate(org, lab, List.of(ChangeRecorder.Change.of(ChangeKind.HOST_APPEARED, "too-early", "")), Instant.parse("2025-01-05T23:59:00Z"));
        recorder.backdate(org, lab, List.of(ChangeRecorder.Change.of(ChangeKind.HOST_APPEARED, "too-late", "")), Instant.parse("2025-01-13T00:00:00Z"));

        Instant wednesdayAfter = Instant.parse("2025-01-15T10:00:00Z");
        assertThat(digests.sendDue(wednesdayAfter)).containsEntry(org, Digests.Outcome.SENT);
        String body = mailbox.latestBody(recipient);
        assertThat(body).contains("from 2025-01-06 to 2025-01-12 (UTC): 8 changes.")
                .contains(NetworkService.FIRST_NETWORK_NAME + ": 7 changes (6 × host appeared, 1 × service appeared)")
                .contains("Host appeared: device-1 — 10.0.0.1").contains("Host appeared: device-5 — 10.0.0.5")
                .doesNotContain("device-6 — 10.0.0.6").doesNotContain("SSH").contains("… and 2 more.")
                .contains("Lab: 1 change (1 × host disappeared)").contains("Host disappeared: old-box — 10.9.9.9")
                .doesNotContain("too-early").doesNotContain("too-late")
                .contains("http://localhost/o/" + owner.slug() + "/networks/" + home + "/changes")
                .contains("http://localhost/o/" + owner.slug() + "/networks/" + lab + "/changes");
        assertThat((String) db().column("select subject from outbound_mail where lower(recipient) = lower(?)", recipient).get(0))
                .startsWith("[Topograph] Weekly digest for ").endsWith(": 8 changes in the week of 2025-01-06");

        // Later checks in the same week (any node) send nothing more; the next week is a new digest.
        assertThat(digests.sendDue(Instant.parse("2025-01-19T23:00:00Z"))).doesNotContainKey(org);
        assertThat(digests.sendWeek(org, Digests.Week.before(wednesdayAfter))).isEqualTo(Digests.Outcome.ALREADY_DONE);
        assertThat(mails(recipient)).isEqualTo(1);
        assertThat(digests.sendDue(Instant.parse("2025-01-20T01:00:00Z"))).containsEntry(org, Digests.Outcome.SENT);
        assertThat(mailbox.latestBody(recipient)).contains("too-late").contains("1 change.");
        assertThat(mails(recipient)).isEqualTo(2);
    }

    @Test
    void a_week_without_changes_sends_nothing_and_is_not_tried_again() {
        Accounts.Account owner = signUp("ada");
        UUID org = db().organizationId(owner.slug());
        String recipient = digestOn(owner);
        assertThat(digests.sendDue(Instant.parse("2025-03-05T10:00:00Z"))).containsEntry(org, Digests.Outcome.NOTHING_CHANGED);
        assertThat(mails(recipient)).isZero();
        assertThat(db().column("select sent from notification_digests where organization_id = ? and week_start = ?", org,
                LocalDate.parse("2025-02-24"))).containsExactly(false);
        assertThat(digests.sendDue(Instant.parse("2025-03-06T10:00:00Z"))).doesNotContainKey(org);
    }

    @Test
    void an_organization_with_the_digest_off_gets_none() {
        Accounts.Account owner = signUp("ada");
        UUID org = db().organizationId(owner.slug());
        String recipient = Accounts.uniqueEmail("off");
        owner.web().post(owner.org("/notifications/digest"), form("recipients", recipient));
        recorder.backdate(org, db().networkId(owner.slug(), NetworkService.FIRST_NETWORK_NAME),
                List.of(ChangeRecorder.Change.of(ChangeKind.HOST_APPEARED, "x", "")), Instant.parse("2025-04-08T10:00:00Z"));
        assertThat(digests.sendDue(Instant.parse("2025-04-15T10:00:00Z"))).doesNotContainKey(org);
        assertThat(mails(recipient)).isZero();
    }

    @Test
    void two_nodes_checking_at_the_same_moment_send_one_digest() throws Exception {
        Accounts.Account owner = signUp("ada");
        UUID org = db().organizationId(owner.slug());
        String recipient = digestOn(owner);
        recorder.backdate(org, db().networkId(owner.slug(), NetworkService.FIRST_NETWORK_NAME),
                List.of(ChangeRecorder.Change.of(ChangeKind.SERVICE_APPEARED, "nas", "SMB")), Instant.parse("2025-05-06T10:00:00Z"));
        Digests.Week week = Digests.Week.before(Instant.parse("2025-05-12T00:30:00Z"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Digests.Outcome>> nodes = List.of(() -> digests.sendWeek(org, week), () -> digests.sendWeek(org, week),
                    () -> digests.sendWeek(org, week), () -> digests.sendWeek(org, week));
            List<Digests.Outcome> outcomes = new ArrayList<>();
            for (Future<Digests.Outcome> f : pool.invokeAll(nodes)) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsOnlyOnce(Digests.Outcome.SENT);
            assertThat(outcomes.stream().filter(o -> o == Digests.Outcome.ALREADY_DONE)).hasSize(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(mails(recipient)).isEqualTo(1);
    }
}
