package io.topograph.hosts;

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
import io.topograph.tags.TagService;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Host pages: a network's host table (search, filters, sort and pages as query parameters, so
 * the URL is the state), a host's page, and manual hosts. With htmx only the changed region is
 * swapped; without JavaScript every action is a form post answered with 303.
 */
@Controller(value = "/o/{slug}", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class HostsController {

    private final HostService hosts;
    private final NetworkService networks;
    private final TagService tags;
    private final Flash flash;

    public HostsController(HostService hosts, NetworkService networks, TagService tags, Flash flash) {
        this.hosts = hosts;
        this.networks = networks;
        this.tags = tags;
        this.flash = flash;
    }

    /** Hide or show a host; {@code from=row} answers with its table row, else with the host page's header. */
    @Serdeable
    public record VisibilityForm(@Nullable String hidden, @Nullable String from) {
    }

    @Get("/networks/{networkId}/hosts")
    public MutableHttpResponse<?> index(HttpRequest<?> request, CurrentMember member, UUID networkId,
                                        @Nullable @QueryValue String q, @Nullable @QueryValue String subnet,
                                        @Nullable @QueryValue String category, @Nullable @QueryValue String tag,
                                        @Nullable @QueryValue String hidden, @Nullable @QueryValue String sort,
                                        @Nullable @QueryValue String page, @Nullable @QueryValue String size,
                                        @Nullable @QueryValue String state) {
        // Pages forgive a hand-edited URL: invalid values fall back to defaults (the API answers 400).
        HostListQuery query = HostListQuery.parse(q, subnet, category, tag, hidden, sort, page, size, state).query();
        boolean fragment = fragment(request);
        HostService.Overview o = hosts.overview(member, networkId, query, !fragment);
        HostTable table = HostTable.of(member.organizationSlug(), networkId, o.query(), o.hosts(), o.emptyNetwork(), member.canWrite());
        MutableHttpResponse<?> response;
        if (fragment) {
            response = HttpResponse.ok(new ModelAndView<>(HostViews.TABLE,
                    new HostViews.TableView(member.organizationSlug(), table, member.canWrite())));
        } else {
            response = HttpResponse.ok(new ModelAndView<>(HostViews.INDEX, new HostViews.IndexPage(member.organizationSlug(),
                    o.network(), o.networkTags(), table, o.subnets(), o.categories(), o.tags(), member.canWrite())));
        }
        // The same URL answers a page or a fragment: caches must keep them apart.
        return response.header("Vary", Htmx.REQUEST);
    }

    @Get("/networks/{networkId}/hosts/new")
    public ModelAndView<?> newHost(CurrentMember member, UUID networkId) {
        Network network = networks.findVisible(member, networkId);
        member.requireWrite();
        return new ModelAndView<>(HostViews.NEW, newPage(member, network, HostForm.empty(), FormErrors.none()));
    }

    @Post(value = "/networks/{networkId}/hosts", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> create(HttpRequest<?> request, CurrentMember member, UUID networkId, @Body HostForm form) {
        HostForm submitted = form.withTagIds(form.tagIds() == null ? List.of() : form.tagIds());
        Host created;
        try {
            created = hosts.create(member, networkId, submitted);
        } catch (ValidationException e) {
            Network network = networks.findVisible(member, networkId);
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(
                    fragment(request) ? HostViews.CREATE_FORM : HostViews.NEW, newPage(member, network, submitted, e.errors())));
        }
        return navigate(request, hostUrl(member, created.id()), "Host “" + created.name() + "” added.");
    }

    @Get("/hosts/{hostId}")
    public ModelAndView<?> show(CurrentMember member, UUID hostId) {
        return new ModelAndView<>(HostViews.DETAIL, detailPage(member, hostId, null, FormErrors.none()));
    }

    @Get("/hosts/{hostId}/header")
    public ModelAndView<?> header(CurrentMember member, UUID hostId) {
        return new ModelAndView<>(HostViews.HEADER, detailPage(member, hostId, null, FormErrors.none()));
    }

    @Get("/hosts/{hostId}/edit")
    public ModelAndView<?> edit(HttpRequest<?> request, CurrentMember member, UUID hostId) {
        hosts.find(member, hostId);
        member.requireWrite();
        return new ModelAndView<>(fragment(request) ? HostViews.EDIT_HEADER : HostViews.EDIT,
                detailPage(member, hostId, null, FormErrors.none()));
    }

    @Post(value = "/hosts/{hostId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> update(HttpRequest<?> request, CurrentMember member, UUID hostId, @Body HostForm form) {
        // The form's checkboxes send nothing when none is ticked: that means "no tags". Visibility has its own action.
        HostForm submitted = new HostForm(form.name(), form.hostname(), form.description(), null, null,
                form.tagIds() == null ? List.of() : form.tagIds());
        Host updated;
        try {
            updated = hosts.update(member, hostId, submitted);
        } catch (ValidationException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(
                    fragment(request) ? HostViews.EDIT_HEADER : HostViews.EDIT, detailPage(member, hostId, submitted, e.errors())));
        }
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(HostViews.HEADER, detailPage(member, hostId, null, FormErrors.none()))),
                hostUrl(member, hostId), "Host “" + updated.name() + "” saved.", HtmxEvents.HOSTS_CHANGED);
    }

    @Post(value = "/hosts/{hostId}/visibility", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> visibility(HttpRequest<?> request, CurrentMember member, UUID hostId, @Body VisibilityForm form) {
        boolean hide = form.hidden() == null || !"false".equalsIgnoreCase(form.hidden().trim());
        Host host = hosts.setHidden(member, hostId, hide);
        String text = hide ? "Host “" + host.name() + "” hidden: it no longer shows in the host list unless you show hidden hosts."
                : "Host “" + host.name() + "” shown in the host list again.";
        boolean fromRow = "row".equals(form.from());
        if (fromRow) {
            return flash.done(request, HttpResponse.ok(new ModelAndView<>(HostViews.ROW,
                            new HostViews.RowView(member.organizationSlug(),
                                    HostRowView.of(hosts.row(member, hostId), "/o/" + member.organizationSlug() + "/hosts/", java.time.Instant.now()),
                                    member.canWrite()))),
                    listUrl(member, host.networkId()), text, HtmxEvents.HOSTS_CHANGED);
        }
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(HostViews.HEADER, detailPage(member, hostId, null, FormErrors.none()))),
                hostUrl(member, hostId), text, HtmxEvents.HOSTS_CHANGED);
    }

    /** The confirmation page for browsers without JavaScript (htmx asks with hx-confirm). */
    @Get("/hosts/{hostId}/delete")
    public ModelAndView<?> confirmDelete(CurrentMember member, UUID hostId) {
        hosts.find(member, hostId);
        member.requireWrite();
        return new ModelAndView<>(HostViews.DELETE, detailPage(member, hostId, null, FormErrors.none()));
    }

    @Post(value = "/hosts/{hostId}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> delete(HttpRequest<?> request, CurrentMember member, UUID hostId) {
        Host deleted = hosts.delete(member, hostId);
        return navigate(request, listUrl(member, deleted.networkId()), "Host “" + deleted.name() + "” deleted with its interfaces, ports and services.");
    }

    private HostViews.DetailPage detailPage(CurrentMember member, UUID hostId, @Nullable HostForm form, FormErrors errors) {
        HostDetail host = hosts.detail(member, hostId);
        Network network = networks.findVisible(member, host.networkId());
        HostForm shown = form != null ? form : new HostForm(host.name(), host.hostname() == null ? "" : host.hostname(),
                host.description(), null, null, host.tags().stream().map(t -> t.id().toString()).toList());
        return new HostViews.DetailPage(member.organizationSlug(), network, host, shown, errors, tags.refs(member.organizationId()),
                selected(shown), member.canWrite());
    }

    private HostViews.NewPage newPage(CurrentMember member, Network network, HostForm form, FormErrors errors) {
        return new HostViews.NewPage(member.organizationSlug(), network, form, errors, tags.refs(member.organizationId()), selected(form));
    }

    private static Set<String> selected(HostForm form) {
        return form.tagIds() == null ? Set.of() : form.tagIds().stream().map(String::trim).collect(Collectors.toCollection(HashSet::new));
    }

    /**
     * After creating or deleting, the browser goes to another page: htmx is told with
     * {@code HX-Redirect}, a plain post gets 303; both carry the flash message in its cookie.
     */
    private MutableHttpResponse<?> navigate(HttpRequest<?> request, String url, String text) {
        if (fragment(request)) {
            return HttpResponse.ok().header(Htmx.REDIRECT, url).cookie(flash.cookie(Flash.Level.success, text));
        }
        return flash.redirect(url, Flash.Level.success, text);
    }

    /**
     * htmx asks for the whole page again when it restores history it did not cache; only other
     * htmx requests get fragments.
     */
    private static boolean fragment(HttpRequest<?> request) {
        return Htmx.isFragmentRequest(request) && !"true".equalsIgnoreCase(request.getHeaders().get("HX-History-Restore-Request"));
    }

    private static String listUrl(CurrentMember member, UUID networkId) {
        return "/o/" + member.organizationSlug() + "/networks/" + networkId + "/hosts";
    }

    private static String hostUrl(CurrentMember member, UUID hostId) {
        return "/o/" + member.organizationSlug() + "/hosts/" + hostId;
    }
}
