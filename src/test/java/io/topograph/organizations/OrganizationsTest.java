package io.topograph.organizations;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class OrganizationsTest extends AppTest {

    @Test
    void the_dashboard_shows_networks_counts_daemons_members_and_empty_discoveries() {
        Accounts.Account owner = signUp("dash");
        HttpResponse<String> page = owner.web().get(owner.org(""));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"stat-networks\">1<")
                .contains("id=\"stat-hosts\">0<")
                .contains("No discoveries have run yet")
                .contains("online")
                .contains(owner.email());
    }

    @Test
    void the_organization_can_be_renamed_and_moved_to_a_free_slug() {
        Accounts.Account owner = signUp("ren");
        String newSlug = "renamed-" + owner.slug().hashCode() % 100000;
        newSlug = newSlug.replace("--", "-");
        HttpResponse<String> saved = owner.web().post(owner.org("/settings"), form("name", "Renamed Org", "slug", newSlug));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/o/" + newSlug + "/settings");
        assertThat(owner.web().get("/o/" + newSlug).body()).contains("Renamed Org");
        assertThat(owner.web().get(owner.org("")).statusCode()).as("old address is gone").isEqualTo(404);
    }

    @Test
    void a_taken_or_malformed_slug_is_explained_and_nothing_changes() {
        Accounts.Account owner = signUp("slug");
        Accounts.Account other = signUp("taken");
        HttpResponse<String> taken = owner.web().htmxPost(owner.org("/settings"), form("name", "X", "slug", other.slug()));
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("This address is taken").doesNotContain("<html");
        HttpResponse<String> malformed = owner.web().post(owner.org("/settings"), form("name", "", "slug", "Bad Slug!"));
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(malformed.body()).contains("Use lower-case letters").contains("This field is required.");
        assertThat(owner.web().get(owner.org("")).statusCode()).isEqualTo(200);
    }

    @Test
    void deleting_the_organization_needs_the_slug_typed_and_removes_everything() {
        Accounts.Account owner = signUp("del");
        HttpResponse<String> unconfirmed = owner.web().post(owner.org("/deletion"), form("confirmation", "nope"));
        assertThat(unconfirmed.statusCode()).isEqualTo(422);
        assertThat(owner.web().get(owner.org("")).statusCode()).isEqualTo(200);
        HttpResponse<String> deleted = owner.web().post(owner.org("/deletion"), form("confirmation", owner.slug()));
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(owner.web().get(owner.org("")).statusCode()).isEqualTo(404);
        // With no organization left, home leads to creating one.
        assertThat(owner.web().get("/").headers().firstValue("Location").orElseThrow()).endsWith("/orgs/new");
    }

    @Test
    void a_user_can_create_a_second_organization_and_switch_between_them() {
        Accounts.Account owner = signUp("multi");
        HttpResponse<String> created = owner.web().post("/orgs", form("name", "Second Site"));
        assertThat(created.statusCode()).isEqualTo(303);
        String second = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = owner.web().get(second.substring(second.indexOf("/o/")));
        assertThat(page.body()).contains("Second Site").contains("/o/" + owner.slug());
        assertThat(owner.web().post("/orgs", form("name", " ")).statusCode()).isEqualTo(422);
    }

    @Test
    void another_organizations_pages_answer_404() {
        Accounts.Account owner = signUp("own");
        Accounts.Account stranger = signUp("str");
        assertThat(stranger.web().get(owner.org("")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().get(owner.org("/settings")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().post(owner.org("/settings"), form("name", "pwned", "slug", owner.slug())).statusCode()).isEqualTo(404);
        assertThat(stranger.web().post(owner.org("/deletion"), form("confirmation", owner.slug())).statusCode()).isEqualTo(404);
        assertThat(owner.web().get(owner.org("")).statusCode()).isEqualTo(200);
    }
}
