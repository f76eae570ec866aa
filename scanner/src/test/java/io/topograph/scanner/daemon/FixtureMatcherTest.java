package io.topograph.scanner.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/** The fixture matching rules themselves: a replay is only as strict as its matcher. */
class FixtureMatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void a_variable_binds_the_first_value_and_later_values_must_equal_it() throws Exception {
        FixtureMatcher m = new FixtureMatcher();
        assertThat(m.receive(json("{\"v\":\"{{version}}\"}"), json("{\"v\":\"1.2.3\",\"extra\":true}"), "body")).isEmpty();
        assertThat(m.bound("version")).isEqualTo(TextNode.valueOf("1.2.3"));
        assertThat(m.receive(json("{\"v\":\"{{version}}\"}"), json("{\"v\":\"1.2.4\"}"), "body"))
                .containsExactly("body.v: expected {{version}} = \"1.2.3\", got \"1.2.4\"");
        assertThat(m.receive(json("{\"v\":\"{{other}}\"}"), json("{\"v\":null}"), "body"))
                .containsExactly("body.v: expected a value for {{other}}, got null");
    }

    @Test
    void any_matches_null_but_a_key_must_be_present() throws Exception {
        FixtureMatcher m = new FixtureMatcher();
        assertThat(m.receive(json("{\"name\":\"{{any}}\"}"), json("{\"name\":null}"), "body")).isEmpty();
        assertThat(m.receive(json("{\"name\":\"{{any}}\"}"), json("{}"), "body")).containsExactly("body.name: missing");
    }

    @Test
    void arrays_need_the_same_length_and_numbers_match_by_value() throws Exception {
        FixtureMatcher m = new FixtureMatcher();
        assertThat(m.receive(json("{\"a\":[1,2.0]}"), json("{\"a\":[1.0,2]}"), "body")).isEmpty();
        assertThat(m.receive(json("{\"a\":[]}"), json("{\"a\":[1]}"), "body")).hasSize(1);
        assertThat(m.receive(json("{\"n\":null}"), json("{\"n\":0}"), "body")).containsExactly("body.n: expected null, got 0");
    }

    @Test
    void a_failed_match_binds_nothing() throws Exception {
        FixtureMatcher m = new FixtureMatcher();
        assertThat(m.receive(json("{\"id\":\"{{runId}}\",\"state\":\"IDLE\"}"), json("{\"id\":\"r1\",\"state\":\"SCANNING\"}"), "body")).hasSize(1);
        assertThat(m.bound("runId")).isNull();
    }

    @Test
    void variables_work_inside_paths_and_headers() {
        FixtureMatcher m = new FixtureMatcher();
        m.bind("runId", TextNode.valueOf("abc-1"));
        assertThat(m.receiveText("/api/daemon/v1/runs/{{runId}}/batches/0", "/api/daemon/v1/runs/abc-1/batches/0", "path")).isEmpty();
        assertThat(m.receiveText("/api/daemon/v1/runs/{{runId}}/batches/0", "/api/daemon/v1/runs/abc-2/batches/0", "path")).hasSize(1);
        assertThat(m.receiveText("/api/daemon/v1/runs/{{runId}}/batches/0", "/api/daemon/v1/runs/abc-1/batches/1", "path")).hasSize(1);
        assertThat(m.receiveText("Bearer {{credential}}", "Bearer tgd_x", "auth")).isEmpty();
        assertThat(m.bound("credential")).isEqualTo(TextNode.valueOf("tgd_x"));
        assertThat(m.receiveText("Bearer {{credential}}", null, "auth")).hasSize(1);
    }

    @Test
    void sending_fills_bound_values_and_binds_samples_for_the_rest() throws Exception {
        FixtureMatcher m = new FixtureMatcher();
        m.bind("daemonId", TextNode.valueOf("d-1"));
        JsonNode sent = m.send(json("{\"daemonId\":\"{{daemonId}}\",\"credential\":\"{{credential}}\",\"n\":\"{{any}}\",\"fixed\":30}"),
                (variable, key) -> variable != null ? TextNode.valueOf("sample-" + variable) : IntNode.valueOf(key.length()));
        assertThat(sent).isEqualTo(json("{\"daemonId\":\"d-1\",\"credential\":\"sample-credential\",\"n\":1,\"fixed\":30}"));
        assertThat(m.bound("credential")).isEqualTo(TextNode.valueOf("sample-credential"));
    }
}
