package io.topograph.discovery.ingest;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.topograph.daemons.api.AuthenticatedDaemon;
import io.topograph.platform.web.ApiError;
import io.topograph.platform.web.NotFoundException;

import java.util.UUID;

/**
 * {@code POST /api/daemon/v1/runs/{runId}/batches/{seq}} (docs/daemon-protocol.md): a run's
 * results, at most 500 hosts per batch. The daemon filter has authenticated the caller; the
 * body is read as bytes so the server checks and hashes exactly what was sent.
 */
@Controller("/api/daemon/v1/runs/{runId}/batches")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class BatchesController {

    /** Far more batches than a run of any size needs (500 hosts each); bounds the key. */
    static final int MAX_SEQ = 1_000_000;

    private final BatchIngestService ingest;

    public BatchesController(BatchIngestService ingest) {
        this.ingest = ingest;
    }

    @Post(value = "/{seq}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public BatchAnswer receive(AuthenticatedDaemon daemon, String runId, String seq, @Body byte[] body) {
        return ingest.receive(daemon, runId(runId), seq(seq), body);
    }

    /** A host or subnet deleted during the merge: nothing was written; the daemon retries 5xx answers. */
    @Error(exception = ConcurrentChangeException.class)
    public HttpResponse<ApiError> concurrentChange(ConcurrentChangeException e) {
        return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(ApiError.of(e.getMessage()));
    }

    /** A run id that is not a UUID names no run: 404 like any unknown run. */
    private static UUID runId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Run not found for this daemon.");
        }
    }

    private static int seq(String text) {
        try {
            int seq = Integer.parseInt(text);
            if (seq >= 0 && seq <= MAX_SEQ) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new HttpStatusException(HttpStatus.BAD_REQUEST, "The batch number must be a whole number from 0 to " + MAX_SEQ + ".");
    }
}
