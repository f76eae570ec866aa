package io.topograph.topology.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.Flash;
import io.topograph.platform.web.Htmx;
import io.topograph.topology.sample.SampleNetwork;
import io.topograph.topology.sample.SampleNetworks;

/** "Load sample network": writers get the generated network and land on its topology (409 when the organization has one). */
@Controller(value = "/o/{slug}", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SampleNetworkController {

    private final SampleNetworks samples;
    private final Flash flash;

    public SampleNetworkController(SampleNetworks samples, Flash flash) {
        this.samples = samples;
        this.flash = flash;
    }

    @Post(value = "/sample-network", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> load(HttpRequest<?> request, CurrentMember member) {
        member.requireWrite();
        SampleNetwork sample = samples.load(member.organizationId());
        String location = "/o/" + member.organizationSlug() + "/networks/" + sample.networkId() + "/topology";
        String text = "Sample network loaded: " + sample.hosts() + " hosts, " + sample.services() + " services.";
        if (Htmx.isFragmentRequest(request)) {
            return HttpResponse.noContent().header(Htmx.REDIRECT, location).cookie(flash.cookie(Flash.Level.success, text));
        }
        return flash.redirect(location, Flash.Level.success, text);
    }
}
