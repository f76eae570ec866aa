package io.topograph.services;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.platform.daemonjar.DaemonLibrary;
import io.topograph.support.Accounts;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the daemon receives: {@link CustomDefinitions#forClaim} against the real database and the daemon's parser. */
@MicronautTest
class CustomDefinitionsTest extends DefinitionsTestBase {

    @Inject
    CustomDefinitions definitions;

    @Inject
    DaemonLibrary library;

    @Inject
    JsonMapper jsonMapper;

    @Inject
    javax.sql.DataSource database;

    @Test
    void the_claim_carries_the_enabled_definitions_in_the_catalog_form_ordered_by_key() throws Exception {
        Accounts.Account owner = signUp("ada");
        definition(owner, "zz-last", "Last", "{\"any\": [{\"banner\": \"^ZZ (?<version>[\\\\d.]+)\"}, {\"udp\": [5353]}]}");
        definition(owner, "acme-portal", "ACME portal", ACME_RULE);
        String off = definition(owner, "switched-off", "Off", "{\"ports\": [1]}");
        owner.web().json("PUT", "/api/v1/service-definitions/" + off,
                body("key", "\"switched-off\"", "name", "\"Off\"", "category", "\"monitoring\"", "match", "{\"ports\": [1]}", "enabled", "false"));
        Accounts.Account other = signUp("bob");
        definition(other, "theirs", "Theirs", "{\"ports\": [2]}");

        List<Map<String, Object>> claim = definitions.forClaim(seed.orgId(owner));

        assertThat(claim).extracting(m -> m.get("id")).containsExactly("acme-portal", "zz-last");
        Map<String, Object> acme = claim.get(0);
        assertThat(acme).containsOnlyKeys("id", "name", "description", "category", "icon", "priority", "match");
        assertThat(acme).containsEntry("name", "ACME portal").containsEntry("description", "").containsEntry("category", "web-server")
                .containsEntry("icon", "globe").containsEntry("priority", 0);
        assertThat(acme.get("match")).isInstanceOf(Map.class);
        assertThat(acme.get("match")).isEqualTo(Map.of("all", List.of(Map.of("ports", List.of(8443)), Map.of("httpTitle", "ACME"))));

        // Serialized by the server's own mapper, the list is a catalog file the daemon's parser accepts as is.
        String file = jsonMapper.writeValueAsString(Map.of("services", claim));
        assertThat(file).contains("\"id\":\"zz-last\"").contains("(?<version>[\\\\d.]+)");
        assertThat(library.definitionsError(file)).isEmpty();
    }

    @Test
    void a_daemon_claiming_a_run_receives_its_organizations_definitions_and_no_one_elses() {
        Accounts.Account owner = signUp("ada");
        definition(owner, "acme-portal", "ACME portal", ACME_RULE);
        Accounts.Account other = signUp("bob");
        definition(other, "theirs", "Theirs", "{\"ports\": [2]}");
        io.topograph.support.TestDatabase db = new io.topograph.support.TestDatabase(database);
        UUID network = db.networkId(owner.slug(), io.topograph.networks.NetworkService.FIRST_NETWORK_NAME);
        var daemon = new io.topograph.support.BearerClient(base(), db.insertDaemon(seed.orgId(owner), network, "rack-a"));
        assertThat(owner.web().json("POST", "/api/v1/networks/" + network + "/discoveries",
                "{\"targets\":\"127.0.0.1\",\"ports\":\"8443\"}").statusCode()).isEqualTo(201);

        var claim = daemon.send("POST", "/api/daemon/v1/work/claim", "{}");
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(200);
        var sent = io.topograph.support.BearerClient.json(claim).at("/run/customDefinitions");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).get("id").asText()).isEqualTo("acme-portal");
        assertThat(sent.get(0).at("/match/all/1/httpTitle").asText()).isEqualTo("ACME");
    }

    @Test
    void a_change_applies_to_the_next_claim() {
        Accounts.Account owner = signUp("ada");
        UUID org = seed.orgId(owner);
        assertThat(definitions.forClaim(org)).isEmpty();
        String id = definition(owner, "acme-portal", "ACME portal", ACME_RULE);
        assertThat(definitions.forClaim(org)).extracting(m -> m.get("name")).containsExactly("ACME portal");
        owner.web().post(owner.org("/services/definitions/" + id + "/enablement"), Map.of("enabled", "false"));
        assertThat(definitions.forClaim(org)).isEmpty();
        owner.web().post(owner.org("/services/definitions/" + id + "/enablement"), Map.of("enabled", "true"));
        owner.web().post(owner.org("/services/definitions/" + id), fields("acme-portal", "ACME portal 2", "web-server", "{\"ports\": [9443]}"));
        assertThat(definitions.forClaim(org)).singleElement().satisfies(m -> {
            assertThat(m.get("name")).isEqualTo("ACME portal 2");
            assertThat(m.get("match")).isEqualTo(Map.of("ports", List.of(9443)));
        });
        owner.web().post(owner.org("/services/definitions/" + id + "/delete"), Map.of());
        assertThat(definitions.forClaim(org)).isEmpty();
    }

    @Test
    void the_examples_under_the_form_are_accepted_by_the_daemons_parser() {
        assertThat(ServiceViews.EXAMPLES).hasSize(3);
        for (ServiceViews.Example example : ServiceViews.EXAMPLES) {
            String file = "{\"services\": [{\"id\": \"example\", \"name\": \"Example\", \"category\": \"web-server\", \"match\": "
                    + example.json() + "}]}";
            assertThat(library.definitionsError(file)).as(example.title()).isEmpty();
        }
    }

    @Test
    void parser_messages_lose_their_prefix_and_land_on_the_field_they_are_about() {
        assertThat(CustomDefinitions.parserSentence("definition: service \"x\": bad pattern /(/: Unclosed group"))
                .isEqualTo("Bad pattern /(/: Unclosed group.");
        assertThat(CustomDefinitions.fieldOf("Bad pattern /(/: Unclosed group.")).isEqualTo("match");
        String id = CustomDefinitions.parserSentence("definition: service id \"X\" must be 1-64 lower-case letters, digits, . _ -");
        assertThat(id).startsWith("Service id \"X\" must be");
        assertThat(CustomDefinitions.fieldOf(id)).isEqualTo("key");
        assertThat(CustomDefinitions.fieldOf(CustomDefinitions.parserSentence("definition: service \"x\": \"name\" is required"))).isEqualTo("name");
        assertThat(CustomDefinitions.fieldOf(CustomDefinitions.parserSentence(
                "definition: service \"x\": no category (set it on the file or the service)"))).isEqualTo("category");
        assertThat(CustomDefinitions.parserSentence("definition: ")).isEqualTo("The daemon's catalog parser refused this definition.");
    }
}
