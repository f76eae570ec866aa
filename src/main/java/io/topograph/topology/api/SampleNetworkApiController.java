package io.topograph.topology.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.ForbiddenException;
import io.topograph.topology.sample.SampleNetwork;
import io.topograph.topology.sample.SampleNetworks;

import java.net.URI;
import java.util.UUID;

/** {@code POST /api/v1/sample-network}: loads the organization's generated example network (409 while one exists). */
@Controller("/api/v1/sample-network")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SampleNetworkApiController {

    private final SampleNetworks samples;

    public SampleNetworkApiController(SampleNetworks samples) {
        this.samples = samples;
    }

    /** What was loaded: the new network and how much it holds. */
    @Serdeable
    public record SampleNetworkJson(UUID id, String name, int subnets, int hosts, int services, int containers, int groups) {
        static SampleNetworkJson of(SampleNetwork s) {
            return new SampleNetworkJson(s.networkId(), s.name(), s.subnets(), s.hosts(), s.services(), s.containers(), s.groups());
        }
    }

    @Post
    public HttpResponse<SampleNetworkJson> load(CurrentMember member) {
        // A new network: only roles that create networks (Owners and Admins), as for POST /api/v1/networks;
        // a Member would not even see it.
        member.requireWrite();
        if (!member.role().seesAllNetworks()) {
            throw new ForbiddenException("Only Owners and Admins can load the sample network.");
        }
        SampleNetwork s = samples.load(member.organizationId());
        return HttpResponse.created(SampleNetworkJson.of(s), URI.create("/api/v1/networks/" + s.networkId()));
    }
}
