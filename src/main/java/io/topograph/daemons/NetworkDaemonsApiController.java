package io.topograph.daemons;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.topograph.platform.tenancy.CurrentMember;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code /api/v1/networks/{id}/daemons} and {@code …/daemon-tokens}: a network's daemons and enrollment tokens. */
@Controller("/api/v1/networks/{id}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class NetworkDaemonsApiController {

    private final DaemonService daemons;
    private final EnrollmentTokenService tokens;
    private final InstallCommands commands;

    public NetworkDaemonsApiController(DaemonService daemons, EnrollmentTokenService tokens, InstallCommands commands) {
        this.daemons = daemons;
        this.tokens = tokens;
        this.commands = commands;
    }

    @Get("/daemons")
    public List<DaemonJson> daemons(CurrentMember member, UUID id) {
        String latest = daemons.latestVersion();
        Instant now = Instant.now();
        return daemons.list(member, id).daemons().stream().map(d -> DaemonJson.of(d, latest, now)).toList();
    }

    @Get("/daemon-tokens")
    public List<TokenJson> tokens(CurrentMember member, UUID id) {
        Instant now = Instant.now();
        return tokens.list(member, id).stream().map(t -> TokenJson.of(t, now)).toList();
    }

    @Post("/daemon-tokens")
    public HttpResponse<CreatedTokenJson> createToken(CurrentMember member, UUID id, @Nullable @Body TokenForm form) {
        CreatedToken created = tokens.create(member, id, form == null ? new TokenForm(null, null, null) : form);
        return HttpResponse.created(new CreatedTokenJson(created.secret(), commands.forToken(created.secret()),
                        TokenJson.of(created.token(), Instant.now())),
                        URI.create("/api/v1/networks/" + id + "/daemon-tokens"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Delete("/daemon-tokens/{tokenId}")
    public HttpResponse<?> revokeToken(CurrentMember member, UUID id, UUID tokenId) {
        tokens.revoke(member, id, tokenId);
        return HttpResponse.noContent();
    }
}
