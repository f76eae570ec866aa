package io.topograph.topology.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.topograph.networks.Network;
import io.topograph.networks.NetworkService;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.Flash;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.Htmx;
import io.topograph.platform.web.ValidationException;
import io.topograph.topology.build.InventoryGraphs;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.GraphService;
import io.topograph.topology.groups.Group;
import io.topograph.topology.groups.GroupForm;
import io.topograph.topology.groups.GroupService;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A network's groups (service flows drawn on every diagram): list, create, edit, delete. A bad group
 * re-renders the form region with the messages next to the fields (422); nothing is written.
 */
@Controller(value = "/o/{slug}/networks/{networkId}/topology/groups", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class GroupsController {

    static final String PAGE = "topology/groups";
    static final String REGION = "topology/_groups :: groups";
    static final int MEMBER_SLOTS = 8;

    private final GroupService groups;
    private final InventoryGraphs graphs;
    private final NetworkService networks;
    private final Flash flash;

    public GroupsController(GroupService groups, InventoryGraphs graphs, NetworkService networks, Flash flash) {
        this.groups = groups;
        this.graphs = graphs;
        this.networks = networks;
        this.flash = flash;
    }

    /** As posted: member slots in order, empty ones ignored. */
    @Serdeable
    public record GroupInput(@Nullable String name, @Nullable String shape, @Nullable String color, @Nullable String edgeStyle,
                             @Nullable List<String> members) {
        GroupForm form() {
            List<String> m = members == null ? List.of() : members.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
            return new GroupForm(name, shape, color, edgeStyle, m);
        }
    }

    record Candidate(String id, String label) {
    }

    record Row(UUID id, String name, String shape, String color, String edgeStyle, int members) {
    }

    /** The groups region: the list and the form (new, or editing {@code editing}). */
    record Region(String base, boolean canWrite, List<Row> rows, @Nullable UUID editing, GroupInput form, List<String> slots,
                  List<Candidate> candidates, FormErrors errors) {
    }

    record RegionView(Region region) {
    }

    record Page(String slug, UUID networkId, String networkName, String topology, Region region) {
    }

    @Get
    public MutableHttpResponse<?> page(HttpRequest<?> request, CurrentMember member, UUID networkId, @Nullable @QueryValue String edit) {
        Network network = networks.findVisible(member, networkId);
        UUID editing = edit == null || edit.isBlank() ? null : TopologyController.uuid(edit);
        GroupInput form = new GroupInput("", "PATH", "#6f42c1", "SOLID", List.of());
        if (editing != null) {
            Group g = groups.group(member.organizationId(), networkId, editing);
            form = new GroupInput(g.name(), g.shape(), g.color(), g.edgeStyle(), g.members());
        }
        Region region = region(member, networkId, editing, form, FormErrors.none());
        if (Htmx.isFragmentRequest(request)) {
            return HttpResponse.ok(new ModelAndView<>(REGION, new RegionView(region))).header("Vary", Htmx.REQUEST);
        }
        return HttpResponse.ok(new ModelAndView<>(PAGE, new Page(member.organizationSlug(), networkId, network.name(), base(member, networkId)
                .replace("/groups", ""), region))).header("Vary", Htmx.REQUEST);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> create(HttpRequest<?> request, CurrentMember member, UUID networkId, @Nullable @Body GroupInput input) {
        return save(request, member, networkId, null, input);
    }

    @Post(value = "/{groupId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> update(HttpRequest<?> request, CurrentMember member, UUID networkId, UUID groupId, @Nullable @Body GroupInput input) {
        return save(request, member, networkId, groupId, input);
    }

    @Post(value = "/{groupId}/deletion", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> delete(HttpRequest<?> request, CurrentMember member, UUID networkId, UUID groupId) {
        networks.findVisible(member, networkId);
        member.requireWrite();
        Group deleted = groups.delete(member.organizationId(), networkId, groupId);
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(REGION, new RegionView(region(member, networkId, null,
                        new GroupInput("", "PATH", "#6f42c1", "SOLID", List.of()), FormErrors.none())))),
                base(member, networkId), "Group “" + deleted.name() + "” deleted.");
    }

    private MutableHttpResponse<?> save(HttpRequest<?> request, CurrentMember member, UUID networkId, @Nullable UUID groupId,
                                        @Nullable GroupInput input) {
        networks.findVisible(member, networkId);
        member.requireWrite();
        GroupInput in = input == null ? new GroupInput(null, null, null, null, null) : input;
        Group saved;
        try {
            saved = groupId == null ? groups.create(member.organizationId(), networkId, in.form())
                    : groups.update(member.organizationId(), networkId, groupId, in.form());
        } catch (ValidationException e) {
            Region region = region(member, networkId, groupId, in, e.errors());
            if (!Htmx.isFragmentRequest(request)) {
                Network network = networks.findVisible(member, networkId);
                return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(PAGE, new Page(member.organizationSlug(),
                        networkId, network.name(), base(member, networkId).replace("/groups", ""), region)));
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(REGION, new RegionView(region)));
        }
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(REGION, new RegionView(region(member, networkId, null,
                        new GroupInput("", "PATH", "#6f42c1", "SOLID", List.of()), FormErrors.none())))),
                base(member, networkId), "Group “" + saved.name() + "” saved.");
    }

    private Region region(CurrentMember member, UUID networkId, @Nullable UUID editing, GroupInput form, FormErrors errors) {
        List<Row> rows = groups.groups(member.organizationId(), networkId).stream()
                .map(g -> new Row(g.id(), g.name(), g.shape(), g.color(), g.edgeStyle(), g.members().size())).toList();
        List<Candidate> candidates = new ArrayList<>();
        if (member.canWrite()) {
            for (GraphNode n : graphs.build(member.organizationId(), networkId).nodes()) {
                if (n.hostId() == null && !n.id().startsWith("container:")) {
                    continue;
                }
                candidates.add(new Candidate(n.id(), n.label()));
                for (GraphService s : n.services()) {
                    candidates.add(new Candidate(s.id(), s.name() + " on " + n.label()));
                }
            }
        }
        List<String> slots = new ArrayList<>(form.members() == null ? List.of() : form.members());
        while (slots.size() < MEMBER_SLOTS) {
            slots.add("");
        }
        return new Region(base(member, networkId), member.canWrite(), rows, editing, form, slots, candidates, errors);
    }

    private static String base(CurrentMember member, UUID networkId) {
        return "/o/" + member.organizationSlug() + "/networks/" + networkId + "/topology/groups";
    }
}
