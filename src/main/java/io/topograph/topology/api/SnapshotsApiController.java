package io.topograph.topology.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.topology.diff.TopologyDiff;
import io.topograph.topology.graph.TopologyGraph;
import io.topograph.topology.snapshots.SnapshotComparison;
import io.topograph.topology.snapshots.SnapshotService;
import io.topograph.topology.snapshots.SnapshotSummary;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * A network's topology timeline as JSON: the snapshots, taking one now, one with its graph, and
 * the comparison of two (or of one with the inventory now). Graphs and diffs are written in the
 * graph's one serialized form (the records' components), the same as the {@code topology.json} export's graph.
 */
@Controller("/api/v1/networks/{networkId}/snapshots")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SnapshotsApiController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TopologyAccess access;
    private final SnapshotService snapshots;

    public SnapshotsApiController(TopologyAccess access, SnapshotService snapshots) {
        this.access = access;
        this.snapshots = snapshots;
    }

    /** A summary in the plain-Jackson bodies (instants as ISO-8601 text, as everywhere in the API). */
    record SummaryJson(String id, String networkId, String takenAt, String reason, @Nullable String runId, int hosts, int services,
                       int graphBytes) {
        static @Nullable SummaryJson of(@Nullable SnapshotSummary s) {
            return s == null ? null : new SummaryJson(s.id().toString(), s.networkId().toString(), s.takenAt().toString(), s.reason().name(),
                    s.runId() == null ? null : s.runId().toString(), s.hosts(), s.services(), s.graphBytes());
        }
    }

    record Detail(SummaryJson summary, TopologyGraph graph) {
    }

    record Counts(int added, int removed, int changed) {
    }

    record Comparison(SummaryJson before, @Nullable SummaryJson after, Counts summary, TopologyDiff diff) {
    }

    /** Newest first (at most {@value SnapshotService#TIMELINE_MAX}). */
    @Get
    public List<SnapshotSummary> timeline(CurrentMember member, UUID networkId) {
        access.visible(member, networkId);
        return snapshots.timeline(member.organizationId(), networkId);
    }

    @Post
    public HttpResponse<SnapshotSummary> take(CurrentMember member, UUID networkId) {
        access.writable(member, networkId);
        SnapshotSummary s = snapshots.takeNow(member.organizationId(), networkId);
        return HttpResponse.created(s, URI.create("/api/v1/networks/" + networkId + "/snapshots/" + s.id()));
    }

    /** {@code after} absent: compared with the inventory as it is now. */
    @Get(value = "/compare", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> compare(CurrentMember member, UUID networkId, @Nullable @QueryValue String before,
                                        @Nullable @QueryValue String after) {
        access.visible(member, networkId);
        if (before == null || before.isBlank()) {
            throw new TopologyAccess.BadParameter("before", "Name the earlier snapshot by its id.");
        }
        UUID beforeId = TopologyAccess.parseId("before", before);
        UUID afterId = after == null || after.isBlank() ? null : TopologyAccess.parseId("after", after);
        SnapshotComparison c = snapshots.compare(member.organizationId(), networkId, beforeId, afterId);
        TopologyDiff.Summary counts = c.diff().summary();
        return json(new Comparison(SummaryJson.of(c.before()), SummaryJson.of(c.after()),
                new Counts(counts.added(), counts.removed(), counts.changed()), c.diff()));
    }

    @Get(value = "/{snapshotId}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> show(CurrentMember member, UUID networkId, UUID snapshotId) {
        access.visible(member, networkId);
        SnapshotSummary s = snapshots.summary(member.organizationId(), networkId, snapshotId);
        return json(new Detail(SummaryJson.of(s), snapshots.graph(member.organizationId(), networkId, snapshotId)));
    }

    private static HttpResponse<byte[]> json(Object body) {
        try {
            return HttpResponse.ok(JSON.writeValueAsBytes(body)).contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
