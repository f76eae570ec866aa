package io.topograph.topology.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.FormErrors;
import io.topograph.topology.diagrams.Diagram;
import io.topograph.topology.diagrams.DiagramOptions;
import io.topograph.topology.diagrams.NodePosition;
import io.topograph.topology.diagrams.TopologyService;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Saved diagrams of a network as JSON: list, create, rename and options, delete, pinned positions, the stale marker. */
@Controller("/api/v1/networks/{networkId}/diagrams")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DiagramsApiController {

    private final TopologyAccess access;
    private final TopologyService diagrams;
    private final DiagramUpdates updates;

    public DiagramsApiController(TopologyAccess access, TopologyService diagrams, DiagramUpdates updates) {
        this.access = access;
        this.diagrams = diagrams;
        this.updates = updates;
    }

    /** A diagram as the API shows it; {@code positions} only on the single-diagram answers. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DiagramJson(UUID id, UUID networkId, String name, DiagramOptions options, @Nullable Instant drawnAt, Instant createdAt,
                              Instant updatedAt, @Nullable List<NodePosition> positions) {
        static DiagramJson of(Diagram d, @Nullable List<NodePosition> positions) {
            return new DiagramJson(d.id(), d.networkId(), d.name(), d.options(), d.drawnAt(), d.createdAt(), d.updatedAt(), positions);
        }
    }

    @Serdeable
    public record CreateDiagram(@Nullable String name) {
    }

    /** Either or both: a new name, new options (the whole options object). */
    @Serdeable
    public record UpdateDiagram(@Nullable String name, @Nullable DiagramOptions options) {
    }

    @Serdeable
    public record Position(@Nullable Double x, @Nullable Double y) {
    }

    @Serdeable
    public record Unpinned(int unpinned) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Staleness(boolean stale, @Nullable Instant drawnAt) {
    }

    @Get
    public List<DiagramJson> list(CurrentMember member, UUID networkId) {
        access.visible(member, networkId);
        return diagrams.diagrams(member.organizationId(), networkId).stream().map(d -> DiagramJson.of(d, null)).toList();
    }

    @Post
    public HttpResponse<DiagramJson> create(CurrentMember member, UUID networkId, @Body CreateDiagram body) {
        access.writable(member, networkId);
        // The default "Full network" comes first even when a script creates a diagram before listing any.
        diagrams.diagrams(member.organizationId(), networkId);
        Diagram d = diagrams.create(member.organizationId(), networkId, body.name());
        return HttpResponse.created(DiagramJson.of(d, List.of()), URI.create("/api/v1/networks/" + networkId + "/diagrams/" + d.id()));
    }

    @Get("/{diagramId}")
    public DiagramJson show(CurrentMember member, UUID networkId, UUID diagramId) {
        access.visible(member, networkId);
        return detail(member, networkId, diagrams.diagram(member.organizationId(), networkId, diagramId));
    }

    @Put("/{diagramId}")
    public DiagramJson update(CurrentMember member, UUID networkId, UUID diagramId, @Body UpdateDiagram body) {
        access.writable(member, networkId);
        return detail(member, networkId, updates.update(member.organizationId(), networkId, diagramId, body.name(), body.options()));
    }

    /** 409 for the network's last diagram. */
    @Delete("/{diagramId}")
    public HttpResponse<?> delete(CurrentMember member, UUID networkId, UUID diagramId) {
        access.writable(member, networkId);
        diagrams.delete(member.organizationId(), networkId, diagramId);
        return HttpResponse.noContent();
    }

    /** Pins a node (or subnet) at {@code {x, y}}; again moves it. */
    @Put("/{diagramId}/positions/{nodeId}")
    public NodePosition pin(CurrentMember member, UUID networkId, UUID diagramId, String nodeId, @Body Position body) {
        access.writable(member, networkId);
        if (body.x() == null || body.y() == null) {
            FormErrors errors = FormErrors.none();
            if (body.x() == null) {
                errors.add("x", "A number is required.");
            }
            if (body.y() == null) {
                errors.add("y", "A number is required.");
            }
            // Unknown diagram first (404), then the missing numbers (422).
            diagrams.diagram(member.organizationId(), networkId, diagramId);
            errors.throwIfAny();
        }
        return diagrams.pin(member.organizationId(), networkId, diagramId, nodeId, body.x(), body.y());
    }

    /** Forgets every pinned position: the next drawing lays the diagram out afresh. */
    @Delete("/{diagramId}/positions")
    public Unpinned unpinAll(CurrentMember member, UUID networkId, UUID diagramId) {
        access.writable(member, networkId);
        return new Unpinned(diagrams.unpinAll(member.organizationId(), networkId, diagramId));
    }

    @Get("/{diagramId}/stale")
    public Staleness stale(CurrentMember member, UUID networkId, UUID diagramId) {
        access.visible(member, networkId);
        Diagram d = diagrams.diagram(member.organizationId(), networkId, diagramId);
        return new Staleness(diagrams.isStale(member.organizationId(), networkId, diagramId), d.drawnAt());
    }

    private DiagramJson detail(CurrentMember member, UUID networkId, Diagram d) {
        return DiagramJson.of(d, diagrams.positions(member.organizationId(), networkId, d.id()));
    }
}
