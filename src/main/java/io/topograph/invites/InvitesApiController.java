package io.topograph.invites;

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
import java.util.List;
import java.util.UUID;

/** {@code /api/v1/invites}: pending invites of the current organization. */
@Controller("/api/v1/invites")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class InvitesApiController {

    private final InviteService invites;

    public InvitesApiController(InviteService invites) {
        this.invites = invites;
    }

    @Get
    public List<InviteJson> list(CurrentMember member) {
        return invites.listPending(member).stream().map(i -> InviteJson.of(i, member, null)).toList();
    }

    @Get("/{id}")
    public InviteJson show(CurrentMember member, UUID id) {
        return InviteJson.of(invites.getPending(member, id), member, null);
    }

    @Post
    public HttpResponse<InviteJson> create(CurrentMember member, @Body InviteForm form) {
        InviteService.Issued issued = invites.create(member, form);
        return HttpResponse.created(InviteJson.of(issued.invite(), member, issued.url()),
                URI.create("/api/v1/invites/" + issued.invite().id()));
    }

    /** Revokes the invite: its link stops working. */
    @Delete("/{id}")
    public HttpResponse<?> revoke(CurrentMember member, UUID id) {
        invites.revoke(member, id);
        return HttpResponse.noContent();
    }

    @Post("/{id}/resend")
    public InviteJson resend(CurrentMember member, UUID id) {
        InviteService.Issued issued = invites.resend(member, id);
        return InviteJson.of(issued.invite(), member, issued.url());
    }
}
