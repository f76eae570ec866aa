package io.topograph.daemons;

import com.fasterxml.jackson.databind.JsonNode;
import io.topograph.support.ProtocolFixtures;

import java.util.List;
import java.util.Map;

/** One exchange of docs/daemon-protocol/ for the daemon tests here, over the shared {@link ProtocolFixtures} rules. */
final class ProtocolFixture {

    private final ProtocolFixtures.Fixture fixture;
    final Map<String, JsonNode> bound;

    private ProtocolFixture(ProtocolFixtures.Fixture fixture, Map<String, JsonNode> bound) {
        this.fixture = fixture;
        this.bound = bound;
    }

    static ProtocolFixture load(String name, Map<String, JsonNode> bound) {
        return new ProtocolFixture(ProtocolFixtures.load(name), bound);
    }

    String method() {
        return fixture.method();
    }

    String path() {
        return ProtocolFixtures.substitute(fixture.path(), bound);
    }

    boolean withCredential() {
        return fixture.auth().equals("credential");
    }

    int expectedStatus() {
        return fixture.status();
    }

    String requestBody() {
        return ProtocolFixtures.toSend(fixture.requestBody(), bound).toString();
    }

    List<String> mismatches(JsonNode actual) {
        return ProtocolFixtures.mismatches(fixture.responseBody(), actual, bound, fixture.file());
    }
}
