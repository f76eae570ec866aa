package io.topograph.daemons.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.topograph.platform.web.ApiError;

/**
 * Enrollment and heartbeat of the daemon API. Anonymous for Micronaut Security: enrollment is
 * authorised by its token, everything else by {@link DaemonAuthenticationFilter}.
 */
@Controller(value = "/api/daemon/v1", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DaemonProtocolController {

    private final EnrollmentService enrollment;
    private final HeartbeatService heartbeats;

    public DaemonProtocolController(EnrollmentService enrollment, HeartbeatService heartbeats) {
        this.enrollment = enrollment;
        this.heartbeats = heartbeats;
    }

    @Post("/enroll")
    public HttpResponse<EnrollResponse> enroll(@Body EnrollRequest request) {
        return HttpResponse.created(enrollment.enroll(request)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Post("/heartbeat")
    public HeartbeatResponse heartbeat(AuthenticatedDaemon daemon, @Body HeartbeatRequest request) {
        return heartbeats.heartbeat(daemon, request);
    }

    @Error(EnrollmentRefusedException.class)
    public HttpResponse<ApiError> refused(HttpRequest<?> request, EnrollmentRefusedException e) {
        return HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED).body(ApiError.of(e.getMessage()));
    }
}
