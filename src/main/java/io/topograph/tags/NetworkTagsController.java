package io.topograph.tags;

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
import io.topograph.platform.web.HtmxEvents;
import io.topograph.platform.web.ValidationException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The tags of one network: a checkbox picker page and a chips fragment for the networks list. */
@Controller(value = "/o/{slug}/networks/{networkId}/tags", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class NetworkTagsController {

    private final TagService tags;
    private final NetworkService networks;
    private final Flash flash;

    public NetworkTagsController(TagService tags, NetworkService networks, Flash flash) {
        this.tags = tags;
        this.networks = networks;
        this.flash = flash;
    }

    /** Checkbox values arrive as one or many {@code tagIds}; {@code back} picks the page a plain post returns to. */
    @Serdeable
    public record NetworkTagsForm(@Nullable List<String> tagIds, @Nullable String back) {
    }

    @Get
    public ModelAndView<?> show(HttpRequest<?> request, CurrentMember member, UUID networkId, @Nullable @QueryValue String back) {
        TagViews.NetworkTagsPage page = page(member, networkId, null, FormErrors.none(), back);
        return new ModelAndView<>(Htmx.isFragmentRequest(request) ? TagViews.NETWORK_FORM : TagViews.NETWORK, page);
    }

    @Get("/chips")
    public ModelAndView<?> chips(CurrentMember member, UUID networkId) {
        return new ModelAndView<>(TagViews.NETWORK_CHIPS,
                new TagViews.ChipsView(member.organizationSlug(), networkId, tags.networkTags(member, networkId)));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> save(HttpRequest<?> request, CurrentMember member, UUID networkId, @Body NetworkTagsForm form) {
        List<String> submitted = form.tagIds() == null ? List.of() : form.tagIds();
        try {
            tags.setNetworkTags(member, networkId, submitted);
        } catch (ValidationException e) {
            Set<UUID> selected = submitted.stream().map(TagService::parseUuid).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
            TagViews.NetworkTagsPage page = page(member, networkId, selected, e.errors(), form.back());
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(
                    Htmx.isFragmentRequest(request) ? TagViews.NETWORK_FORM : TagViews.NETWORK, page));
        }
        TagViews.NetworkTagsPage page = page(member, networkId, null, FormErrors.none(), form.back());
        String back = "networks".equals(page.back()) ? "/o/" + member.organizationSlug() + "/networks"
                : "/o/" + member.organizationSlug() + "/networks/" + networkId + "/hosts";
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(TagViews.NETWORK_FORM, page)), back,
                "Tags of “" + page.networkName() + "” saved.", HtmxEvents.TAGS_CHANGED, HtmxEvents.NETWORKS_CHANGED);
    }

    private TagViews.NetworkTagsPage page(CurrentMember member, UUID networkId, @Nullable Set<UUID> selected, FormErrors errors,
                                          @Nullable String back) {
        Network network = networks.findVisible(member, networkId);
        List<TagRef> current = tags.networkTags(member, networkId);
        Set<UUID> checked = selected != null ? selected : current.stream().map(TagRef::id).collect(Collectors.toCollection(HashSet::new));
        return new TagViews.NetworkTagsPage(member.organizationSlug(), networkId, network.name(), tags.refs(member.organizationId()),
                checked, current, errors, member.canWrite(), "networks".equals(back) ? "networks" : "hosts");
    }
}
