package io.topograph.changes;

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
import io.topograph.platform.web.Htmx;
import io.topograph.platform.web.HtmxEvents;
import io.topograph.platform.web.Paging;
import io.topograph.platform.web.ValidationException;

import java.time.Instant;
import java.util.UUID;

/**
 * The What changed pages: a network's tab ({@code /o/{slug}/networks/{id}/changes}) and the
 * organization's page ({@code /o/{slug}/changes}), filtered by the query string (the URL is the
 * state; htmx swaps the list region and pushes the URL), and acknowledgement of one change or of
 * all matching the filters. A filter that cannot be read answers 400 with what is wrong.
 */
@Controller(value = "/o/{slug}", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ChangesController {

    private final ChangeService changes;
    private final NetworkService networks;
    private final Flash flash;

    public ChangesController(ChangeService changes, NetworkService networks, Flash flash) {
        this.changes = changes;
        this.networks = networks;
        this.flash = flash;
    }

    /** The acknowledge button's form: where a plain (no JavaScript) post returns to. */
    @Serdeable
    public record AcknowledgeForm(@Nullable String back) {
    }

    /** "Acknowledge all": the filters of the list it was shown with. */
    @Serdeable
    public record AcknowledgeAllForm(@Nullable String network, @Nullable String since, @Nullable String until,
                                     @Nullable String kind, @Nullable String acknowledged, @Nullable String back) {
    }

    @Get("/networks/{networkId}/changes")
    public MutableHttpResponse<?> network(HttpRequest<?> request, CurrentMember member, UUID networkId,
                                          @Nullable @QueryValue String since, @Nullable @QueryValue String until,
                                          @Nullable @QueryValue String kind, @Nullable @QueryValue String acknowledged,
                                          @Nullable @QueryValue String page, @Nullable @QueryValue String size) {
        Network network = networks.findVisible(member, networkId);
        ChangeQuery.Parsed parsed = ChangeQuery.parse(since, until, kind, acknowledged, page, size);
        Paging<ChangeLog.Entry> result = changes.forNetwork(member, networkId, parsed.query());
        return answer(request, ChangeViews.NETWORK, page(member, network, result, parsed));
    }

    @Get("/changes")
    public MutableHttpResponse<?> organization(HttpRequest<?> request, CurrentMember member,
                                               @Nullable @QueryValue String since, @Nullable @QueryValue String until,
                                               @Nullable @QueryValue String kind, @Nullable @QueryValue String acknowledged,
                                               @Nullable @QueryValue String page, @Nullable @QueryValue String size) {
        ChangeQuery.Parsed parsed = ChangeQuery.parse(since, until, kind, acknowledged, page, size);
        Paging<ChangeLog.Entry> result = changes.forOrganization(member, parsed.query());
        return answer(request, ChangeViews.ORGANIZATION, page(member, null, result, parsed));
    }

    @Post(value = "/changes/{id}/acknowledgement", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> acknowledge(HttpRequest<?> request, CurrentMember member, UUID id, @Nullable @Body AcknowledgeForm form) {
        ChangeLog.Entry entry = changes.acknowledge(member, id);
        ChangeViews.Row row = ChangeViews.Row.of(entry, member.organizationSlug(), Instant.now());
        String back = back(member, form == null ? null : form.back());
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(ChangeViews.ROW, new RowView(row, member.canWrite(), true, back))),
                back, "Change acknowledged.", HtmxEvents.CHANGES_ACKNOWLEDGED);
    }

    @Post(value = "/changes/acknowledgement", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> acknowledgeAll(HttpRequest<?> request, CurrentMember member, @Body AcknowledgeAllForm form) {
        ChangeQuery.Parsed parsed = ChangeQuery.parse(form.since(), form.until(), form.kind(), form.acknowledged(), null, null);
        UUID networkId = null;
        if (form.network() != null && !form.network().isBlank()) {
            try {
                networkId = UUID.fromString(form.network().strip());
            } catch (IllegalArgumentException e) {
                parsed.errors().add("network", "Unknown network.");
            }
        }
        if (parsed.errors().any()) {
            throw new ValidationException(parsed.errors());
        }
        Network network = networkId == null ? null : networks.findVisible(member, networkId);
        int count = changes.acknowledgeAll(member, networkId, parsed.query());
        String back = back(member, form.back());
        Paging<ChangeLog.Entry> result = network == null ? changes.forOrganization(member, parsed.query())
                : changes.forNetwork(member, network.id(), parsed.query());
        ChangeViews.Page view = page(member, network, result, parsed);
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(ChangeViews.LIST, view)), back,
                count == 1 ? "1 change acknowledged." : count + " changes acknowledged.", HtmxEvents.CHANGES_ACKNOWLEDGED);
    }

    /** A row alone (after acknowledging it with htmx). */
    record RowView(ChangeViews.Row row, boolean canWrite, boolean showNetwork, String back) {
    }

    private static MutableHttpResponse<?> answer(HttpRequest<?> request, String pageView, ChangeViews.Page view) {
        boolean fragment = Htmx.isFragmentRequest(request);
        MutableHttpResponse<?> response = HttpResponse.status(view.errors().any() ? HttpStatus.BAD_REQUEST : HttpStatus.OK)
                .body(new ModelAndView<>(fragment ? ChangeViews.LIST : pageView, view));
        // The same URL answers a page or a fragment: caches must keep them apart.
        return response.header("Vary", Htmx.REQUEST);
    }

    private static ChangeViews.Page page(CurrentMember member, @Nullable Network network, Paging<ChangeLog.Entry> result,
                                         ChangeQuery.Parsed parsed) {
        String slug = member.organizationSlug();
        String listUrl = network == null ? "/o/" + slug + "/changes" : "/o/" + slug + "/networks/" + network.id() + "/changes";
        ChangeQuery query = parsed.query();
        String filters = query.filterString();
        String pagerBase = filters.isEmpty() ? listUrl : listUrl + "?" + filters;
        String back = query.page() > 1 ? pagerBase + (filters.isEmpty() ? "?" : "&") + "page=" + query.page() : pagerBase;
        Instant now = Instant.now();
        var rows = result.items().stream().map(e -> ChangeViews.Row.of(e, slug, now)).toList();
        return new ChangeViews.Page(slug, network == null ? null : network.id(), network == null ? null : network.name(), listUrl,
                pagerBase, "/o/" + slug + "/changes/acknowledgement", back, rows,
                new Paging<>(rows, result.page(), result.size(), result.total()), query, parsed.errors(), ChangeViews.KindOption.all(),
                member.canWrite(), network == null, rows.stream().filter(r -> !r.acknowledged()).count());
    }

    /** Where a plain post returns: a path of this organization (never another site), else its What changed page. */
    private static String back(CurrentMember member, @Nullable String back) {
        String prefix = "/o/" + member.organizationSlug() + "/";
        if (back != null && back.startsWith(prefix) && back.length() < 2000 && !back.contains("//") && !back.contains("\\")
                && back.chars().noneMatch(c -> c < 0x20)) {
            return back;
        }
        return prefix + "changes";
    }
}
