package io.topograph.discovery;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.topograph.daemons.api.AuthenticatedDaemon;

import java.util.UUID;

/**
 * The daemon's work calls (docs/daemon-protocol.md): claim, progress, complete, fail.
 * {@code DaemonAuthenticationFilter} has already checked the credential (401) and that the
 * daemon is enabled (403); the run must be of the daemon's own network.
 */
@Controller(value = "/api/daemon/v1", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DaemonWorkController {

    private final DaemonWorkService work;

    public DaemonWorkController(DaemonWorkService work) {
        this.work = work;
    }

    /** 200 with the run, or 204 when there is no work. The body ({@code {}}) carries nothing yet. */
    @Post("/work/claim")
    public HttpResponse<DaemonWork.ClaimAnswer> claim(AuthenticatedDaemon daemon) {
        return work.claim(daemon).map(run -> HttpResponse.ok(new DaemonWork.ClaimAnswer(run)))
                .orElseGet(HttpResponse::noContent);
    }

    @Post("/runs/{runId}/progress")
    public DaemonWork.ProgressAnswer progress(AuthenticatedDaemon daemon, UUID runId, @Body DaemonWork.Progress body) {
        return work.progress(daemon, runId, body);
    }

    @Post("/runs/{runId}/complete")
    public DaemonWork.StateAnswer complete(AuthenticatedDaemon daemon, UUID runId, @Body DaemonWork.Complete body) {
        return work.complete(daemon, runId, body);
    }

    @Post("/runs/{runId}/fail")
    public DaemonWork.StateAnswer fail(AuthenticatedDaemon daemon, UUID runId, @Body DaemonWork.Fail body) {
        return work.fail(daemon, runId, body);
    }
}
