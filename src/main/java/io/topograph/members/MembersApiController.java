package io.topograph.members;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.topograph.platform.tenancy.CurrentMember;

import java.util.List;
import java.util.UUID;

/** {@code /api/v1/members}: the same use cases as the Members page, as JSON. */
@Controller("/api/v1/members")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MembersApiController {

    private final MemberService members;

    public MembersApiController(MemberService members) {
        this.members = members;
    }

    @Get
    public List<MemberJson> list(CurrentMember member) {
        return members.list(member).stream().map(m -> MemberJson.of(m, member)).toList();
    }

    @Get("/{id}")
    public MemberJson show(CurrentMember member, UUID id) {
        return MemberJson.of(members.get(member, id), member);
    }

    @Put("/{id}")
    public MemberJson update(CurrentMember member, UUID id, @Body MemberForm form) {
        return MemberJson.of(members.update(member, id, form), member);
    }

    @Delete("/{id}")
    public HttpResponse<?> remove(CurrentMember member, UUID id) {
        members.remove(member, id);
        return HttpResponse.noContent();
    }
}
