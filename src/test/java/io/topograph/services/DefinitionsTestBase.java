package io.topograph.services;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.topograph.hosts.InventoryTestBase;
import io.topograph.support.Accounts;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP tests of the service catalog: creating definitions through the API and reading what was stored. */
abstract class DefinitionsTestBase extends InventoryTestBase {

    static final String ACME_RULE = "{\"all\": [{\"ports\": [8443]}, {\"httpTitle\": \"ACME\"}]}";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A JSON body with the given fields (values are JSON text: strings must be quoted by the caller). */
    static String body(String... pairs) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"').append(pairs[i]).append("\":").append(pairs[i + 1]);
        }
        return b.append('}').toString();
    }

    static String quoted(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a definition through the API and returns its id. */
    static String definition(Accounts.Account account, String key, String name, String matchJson) {
        HttpResponse<String> r = account.web().json("POST", "/api/v1/service-definitions",
                body("key", quoted(key), "name", quoted(name), "category", quoted("web-server"), "match", matchJson));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get("id").asText();
    }

    /** The page form's fields for a definition. */
    static Map<String, String> fields(String key, String name, String category, String match) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("key", key);
        f.put("name", name);
        f.put("description", "");
        f.put("category", category);
        f.put("icon", "");
        f.put("priority", "0");
        f.put("match", match);
        f.put("enabled", "true");
        return f;
    }

    static Map<String, String> with(Map<String, String> fields, String field, String value) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.put(field, value);
        return copy;
    }

    long definitionCount(Accounts.Account account) {
        return seed.count("select count(*) from service_definitions where organization_id = ?", seed.orgId(account));
    }
}
