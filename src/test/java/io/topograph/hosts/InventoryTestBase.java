package io.topograph.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP tests of the inventory: a seed helper on the test database and JSON reading. */
public abstract class InventoryTestBase extends AppTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    protected InventorySeed seed;

    @BeforeEach
    void setUpSeed() {
        seed = new InventorySeed(dataSource);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("Not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    protected static List<String> names(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(n -> out.add(n.get("name").asText()));
        return out;
    }

    /** Opens the other organization in {@code user}'s session, so session API calls act there. */
    protected static void switchTo(Accounts.Account user, Accounts.Account owner) {
        assertThat(user.web().get("/o/" + owner.slug()).statusCode()).isEqualTo(200);
    }

    /** Creates a tag through the API and returns its id. */
    protected static String tag(Accounts.Account account, String name, String color) {
        HttpResponse<String> r = account.web().json("POST", "/api/v1/tags", "{\"name\":\"" + name + "\",\"color\":\"" + color + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get("id").asText();
    }
}
