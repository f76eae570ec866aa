package io.topograph.topology.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.topology.groups.Group;
import io.topograph.topology.groups.GroupForm;
import io.topograph.topology.groups.GroupService;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** User-drawn groups of a network as JSON (a path or hub of services or nodes, drawn on every diagram). */
@Controller("/api/v1/networks/{networkId}/groups")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class GroupsApiController {

    private final TopologyAccess access;
    private final GroupService groups;

    public GroupsApiController(TopologyAccess access, GroupService groups) {
        this.access = access;
        this.groups = groups;
    }

    @Get
    public List<Group> list(CurrentMember member, UUID networkId) {
        access.visible(member, networkId);
        return groups.groups(member.organizationId(), networkId);
    }

    @Post
    public HttpResponse<Group> create(CurrentMember member, UUID networkId, @Body GroupForm form) {
        access.writable(member, networkId);
        Group g = groups.create(member.organizationId(), networkId, form);
        return HttpResponse.created(g, URI.create("/api/v1/networks/" + networkId + "/groups/" + g.id()));
    }

    @Get("/{groupId}")
    public Group show(CurrentMember member, UUID networkId, UUID groupId) {
        access.visible(member, networkId);
        return groups.group(member.organizationId(), networkId, groupId);
    }

    @Put("/{groupId}")
    public Group update(CurrentMember member, UUID networkId, UUID groupId, @Body GroupForm form) {
        access.writable(member, networkId);
        return groups.update(member.organizationId(), networkId, groupId, form);
    }

    @Delete("/{groupId}")
    public HttpResponse<?> delete(CurrentMember member, UUID networkId, UUID groupId) {
        access.writable(member, networkId);
        groups.delete(member.organizationId(), networkId, groupId);
        return HttpResponse.noContent();
    }
}
