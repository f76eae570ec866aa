package io.topograph.platform;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.views.ModelAndView;
import io.topograph.support.AppTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class BrokenTemplateTest extends AppTest {

    @Requires(env = "test")
    @Controller(value = "/testing/broken", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class BrokenController {
        @Get
        ModelAndView<?> broken() {
            return new ModelAndView<>("testing/broken", Map.of());
        }
    }

    @Test
    void a_template_error_answers_500_instead_of_hanging_the_request() {
        long start = System.nanoTime();
        HttpResponse<String> response = anonymous().get("/testing/broken");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }
}
