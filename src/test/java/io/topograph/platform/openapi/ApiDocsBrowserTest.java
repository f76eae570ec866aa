package io.topograph.platform.openapi;

import com.codeborne.selenide.Selenide;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.codeborne.selenide.CollectionCondition.sizeGreaterThanOrEqual;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;

/** Swagger UI really starts under the app's Content-Security-Policy (no inline script, no eval). */
@MicronautTest
class ApiDocsBrowserTest extends BrowserTest {

    @Test
    void the_docs_page_renders_every_fragment_as_operations() {
        Selenide.open(base().resolve("/api/docs").toString());
        $(".swagger-ui .info .title").shouldBe(visible).shouldHave(text("Topograph API"));
        $$(".opblock-tag-section").shouldHave(sizeGreaterThanOrEqual(3));
        $$(".opblock-summary-path").shouldHave(sizeGreaterThanOrEqual(11));
        $(".swagger-ui").shouldHave(text("/api/v1/api-keys")).shouldHave(text("/api/v1/networks/{id}"))
                .shouldHave(text("/api/v1/organizations"));
    }
}
