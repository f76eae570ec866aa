package io.topograph.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode rule(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static List<String> lines(String json) {
        return RuleText.lines(rule(json)).stream().map(l -> "  ".repeat(l.depth()) + l.text()).toList();
    }

    @Test
    void a_single_port_and_a_port_list_read_as_words() {
        assertThat(lines("{\"ports\": [5432]}")).containsExactly("TCP port 5432");
        assertThat(lines("{\"ports\": 22}")).containsExactly("TCP port 22");
        assertThat(lines("{\"ports\": [80, 443, 8080]}")).containsExactly("TCP ports 80, 443 or 8080");
        assertThat(lines("{\"udp\": [161, 162]}")).containsExactly("UDP ports 161 or 162");
    }

    @Test
    void every_leaf_kind_says_what_it_tests() {
        assertThat(RuleText.summary(rule("{\"protocol\": \"tls\"}"))).isEqualTo("speaks TLS");
        assertThat(RuleText.summary(rule("{\"banner\": \"^SSH-2.0\"}"))).isEqualTo("banner matches /^SSH-2.0/ (case-sensitive)");
        assertThat(RuleText.summary(rule("{\"httpTitle\": \"ACME\"}"))).isEqualTo("HTTP page title matches /ACME/");
        assertThat(RuleText.summary(rule("{\"httpBody\": \"Welcome\"}"))).isEqualTo("HTTP page body matches /Welcome/");
        assertThat(RuleText.summary(rule("{\"tlsSubject\": \"iDRAC\"}"))).isEqualTo("TLS certificate name matches /iDRAC/");
        assertThat(RuleText.summary(rule("{\"macVendor\": \"Synology\"}"))).isEqualTo("MAC address vendor matches /Synology/");
        assertThat(RuleText.summary(rule("{\"httpHeader\": \"Server: nginx\"}"))).isEqualTo("HTTP header Server matches /nginx/");
        assertThat(RuleText.summary(rule("{\"httpHeader\": \"X-Jenkins\"}"))).isEqualTo("HTTP header X-Jenkins is present");
        assertThat(RuleText.summary(rule("{\"httpGet\": {\"path\": \"/api/version\", \"status\": 200, \"body\": \"\\\"version\\\"\"}}")))
                .isEqualTo("GET /api/version answers status 200 and a body matching /\"version\"/");
        assertThat(RuleText.summary(rule("{\"httpGet\": {\"path\": \"/x\", \"header\": \"Server: Foo\"}}")))
                .isEqualTo("GET /x answers a header Server matching /Foo/");
    }

    @Test
    void combinators_indent_their_children_and_a_single_child_is_not_wrapped() {
        assertThat(lines("{\"all\": [{\"macVendor\": \"Ubiquiti\"}, {\"ports\": [8080, 8443]}]}")).containsExactly(
                "all of:",
                "  MAC address vendor matches /Ubiquiti/",
                "  TCP ports 8080 or 8443");
        assertThat(lines("{\"any\": [{\"banner\": \"^RFB\"}]}")).containsExactly("banner matches /^RFB/ (case-sensitive)");
        assertThat(lines("{\"all\": [{\"any\": [{\"banner\": \"^\\\\+PONG\"}, {\"ports\": [6379]}]}, {\"not\": {\"banner\": \"valkey\"}}]}"))
                .containsExactly(
                        "all of:",
                        "  any of:",
                        "    banner matches /^\\+PONG/ (case-sensitive)",
                        "    TCP port 6379",
                        "  not: banner matches /valkey/ (case-sensitive)");
    }

    @Test
    void a_negated_combination_reads_as_none_of() {
        assertThat(lines("{\"not\": {\"any\": [{\"ports\": [1]}, {\"httpTitle\": \"x\"}]}}")).containsExactly(
                "none of:", "  TCP port 1", "  HTTP page title matches /x/");
        assertThat(lines("{\"not\": {\"all\": [{\"ports\": [1]}, {\"httpTitle\": \"x\"}]}}")).containsExactly(
                "none of:", "  all of:", "    TCP port 1", "    HTTP page title matches /x/");
    }

    @Test
    void the_one_line_summary_joins_with_and_or_and_brackets_nested_groups() {
        assertThat(RuleText.summary(rule("{\"all\": [{\"ports\": [8443]}, {\"httpTitle\": \"ACME\"}]}")))
                .isEqualTo("TCP port 8443 and HTTP page title matches /ACME/");
        assertThat(RuleText.summary(rule("{\"all\": [{\"any\": [{\"ports\": [1]}, {\"ports\": [2]}]}, {\"not\": {\"protocol\": \"http\"}}]}")))
                .isEqualTo("(TCP port 1 or TCP port 2) and not speaks HTTP");
    }

    @Test
    void unexpected_shapes_are_shown_not_rejected() {
        assertThat(lines("{\"ports\": [1], \"banner\": \"x\"}")).singleElement().asString().startsWith("unreadable condition");
        assertThat(lines("{\"colour\": \"blue\"}")).containsExactly("unknown condition \"colour\"");
        assertThat(lines("[]")).singleElement().asString().startsWith("unreadable condition");
    }

    @Test
    void ports_are_collected_outside_not_for_searching() {
        assertThat(RuleText.ports(rule("{\"all\": [{\"any\": [{\"ports\": [5432, 5433]}, {\"udp\": 161}]}, {\"not\": {\"ports\": [22]}}]}")))
                .containsExactly(161, 5432, 5433);
        assertThat(RuleText.ports(rule("{\"httpTitle\": \"x\"}"))).isEmpty();
    }
}
