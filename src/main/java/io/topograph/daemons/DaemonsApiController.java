package io.topograph.daemons;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.topograph.platform.tenancy.CurrentMember;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** {@code /api/v1/daemons/{id}}: one daemon; rename, disable, rotate its credential, delete. */
@Controller("/api/v1/daemons")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DaemonsApiController {

    private final DaemonService daemons;
    private final InstallCommands commands;

    public DaemonsApiController(DaemonService daemons, InstallCommands commands) {
        this.daemons = daemons;
        this.commands = commands;
    }

    @Get("/{id}")
    public DaemonJson show(CurrentMember member, UUID id) {
        return json(daemons.get(member, id));
    }

    @Patch("/{id}")
    public DaemonJson update(CurrentMember member, UUID id, @Body DaemonPatch patch) {
        return json(daemons.patch(member, id, patch));
    }

    /** The old credential stops working at once; the answer holds the token that re-enrolls the daemon, this once. */
    @Post("/{id}/credential-rotations")
    public HttpResponse<CreatedTokenJson> rotate(CurrentMember member, UUID id) {
        DaemonService.Rotation rotation = daemons.rotate(member, id);
        String secret = rotation.token().secret();
        return HttpResponse.created(new CreatedTokenJson(secret, commands.forToken(secret),
                        TokenJson.of(rotation.token().token(), Instant.now())), URI.create("/api/v1/daemons/" + id))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Delete("/{id}")
    public HttpResponse<?> delete(CurrentMember member, UUID id) {
        daemons.delete(member, id);
        return HttpResponse.noContent();
    }

    private DaemonJson json(Daemon d) {
        return DaemonJson.of(d, daemons.latestVersion(), Instant.now());
    }
}
