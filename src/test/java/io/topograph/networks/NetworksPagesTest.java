package io.topograph.networks;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.WebSession;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class NetworksPagesTest extends AppTest {

    @Test
    void a_new_organization_starts_with_one_network() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> page = owner.web().get(owner.org("/networks"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(NetworkService.FIRST_NETWORK_NAME);
    }

    @Test
    void creating_a_network_with_htmx_returns_the_refreshed_list_and_a_toast() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> response = owner.web().htmxPost(owner.org("/networks"), form("name", "Office LAN", "description", "Floor 2"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"network-list\"").contains("Office LAN").doesNotContain("<html");
        assertThat(response.headers().firstValue("HX-Trigger").orElseThrow()).contains("tg:networks-changed").contains("Office LAN");
    }

    @Test
    void creating_a_network_without_javascript_redirects_back_with_a_flash_message() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> response = owner.web().post(owner.org("/networks"), form("name", "DMZ", "description", ""));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith(owner.org("/networks"));
        HttpResponse<String> list = owner.web().get(owner.org("/networks"));
        assertThat(list.body()).contains("DMZ").contains("Network “DMZ” created.");
    }

    @Test
    void a_duplicate_empty_or_overlong_name_is_explained_next_to_the_field_and_nothing_is_written() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> duplicate = owner.web().htmxPost(owner.org("/networks"), form("name", "home NETWORK"));
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.headers().firstValue("HX-Retarget")).as("errors replace the form, not the list").contains("#network-form");
        assertThat(duplicate.body()).contains("A network with this name already exists.");
        HttpResponse<String> empty = owner.web().post(owner.org("/networks"), form("name", "   "));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("This field is required.");
        HttpResponse<String> overlong = owner.web().htmxPost(owner.org("/networks"), form("name", "x".repeat(81)));
        assertThat(overlong.statusCode()).isEqualTo(422);
        assertThat(overlong.body()).contains("Use at most 80 characters");
        assertThat(owner.web().getJson("/api/v1/networks").body()).containsOnlyOnce("\"name\"");
    }

    @Test
    void inline_edit_swaps_the_row_and_saves() {
        Accounts.Account owner = signUp("ada");
        String id = firstNetworkId(owner);
        HttpResponse<String> edit = owner.web().htmxGet(owner.org("/networks/" + id + "/edit"));
        assertThat(edit.body()).contains("<form").contains("name=\"name\"").doesNotContain("<html");
        HttpResponse<String> saved = owner.web().htmxPost(owner.org("/networks/" + id), form("name", "Head office", "description", "HQ"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("id=\"network-" + id + "\"").contains("Head office").doesNotContain("<form");
    }

    @Test
    void deleting_a_network_removes_it_and_answers_an_empty_fragment() {
        Accounts.Account owner = signUp("ada");
        owner.web().post(owner.org("/networks"), form("name", "Lab"));
        String id = owner.web().getJson("/api/v1/networks").body().replaceAll("(?s).*\"id\":\"([^\"]+)\",\"name\":\"Lab\".*", "$1");
        assertThat(owner.web().get(owner.org("/networks/" + id + "/delete")).body()).contains("cannot be undone");
        HttpResponse<String> deleted = owner.web().htmxPost(owner.org("/networks/" + id + "/delete"), form());
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).isEmpty();
        assertThat(owner.web().get(owner.org("/networks")).body()).doesNotContain(">Lab<");
    }

    @Test
    void another_organizations_networks_answer_404_and_reveal_nothing() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account stranger = signUp("mallory");
        String id = firstNetworkId(owner);
        assertThat(stranger.web().get(owner.org("/networks")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().get(stranger.org("/networks/" + id + "/edit")).statusCode()).isEqualTo(404);
        HttpResponse<String> update = stranger.web().htmxPost(stranger.org("/networks/" + id), form("name", "pwned"));
        assertThat(update.statusCode()).isEqualTo(404);
        assertThat(stranger.web().post(stranger.org("/networks/" + id + "/delete"), form()).statusCode()).isEqualTo(404);
        assertThat(owner.web().get(owner.org("/networks")).body()).contains(NetworkService.FIRST_NETWORK_NAME).doesNotContain("pwned");
    }

    @Test
    void a_form_post_without_the_csrf_token_is_refused_and_changes_nothing() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> response = owner.web().postWithoutCsrf(owner.org("/networks"), form("name", "Forged"));
        assertThat(response.statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = owner.web().postWithoutCsrf(owner.org("/networks"), form("name", "Forged", "_csrf", "x".repeat(43)));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(owner.web().get(owner.org("/networks")).body()).doesNotContain("Forged");
    }

    @Test
    void anonymous_visitors_are_sent_to_the_login_page() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> response = anonymous().get(owner.org("/networks"));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    static String firstNetworkId(Accounts.Account account) {
        return account.web().getJson("/api/v1/networks").body().replaceAll("(?s)^\\[\\{\"id\":\"([^\"]+)\".*", "$1");
    }

    static WebSession web(Accounts.Account a) {
        return a.web();
    }
}
