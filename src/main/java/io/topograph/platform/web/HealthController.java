package io.topograph.platform.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** {@code GET /health}: 200 when the database answers, 503 otherwise; for load balancers. */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class HealthController {

    private final DataSource dataSource;

    public HealthController(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @Serdeable
    public record Health(String status, String database) {
    }

    @Get
    public HttpResponse<Health> health() {
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(2)) {
                return HttpResponse.ok(new Health("UP", "UP"));
            }
        } catch (SQLException e) {
            // reported below
        }
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Health("DOWN", "DOWN"));
    }
}
