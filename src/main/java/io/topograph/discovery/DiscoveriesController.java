package io.topograph.discovery;

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
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.ErrorResponses;
import io.topograph.platform.web.Flash;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.Htmx;
import io.topograph.platform.web.HtmxEvents;
import io.topograph.platform.web.Paging;
import io.topograph.platform.web.ValidationException;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Discovery pages: a network's Discoveries tab (Scan now form and runs), a run's page with its
 * live progress and Cancel, the latest-run strip of the hosts page and "Scan now" on a host.
 * Progress regions poll themselves while a run is active and stop when it finished, firing
 * {@link HtmxEvents#DISCOVERY_FINISHED} so their page refreshes. Without JavaScript every
 * action is a form post answered with 303 and a flash message.
 */
@Controller(value = "/o/{slug}", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DiscoveriesController {

    static final int PAGE_SIZE = 20;

    private final DiscoveryService discoveries;
    private final Flash flash;
    private final ErrorResponses errorResponses;

    public DiscoveriesController(DiscoveryService discoveries, Flash flash, ErrorResponses errorResponses) {
        this.discoveries = discoveries;
        this.flash = flash;
        this.errorResponses = errorResponses;
    }

    /** The cancel button of a row says so, to get its row back instead of the run page's details. */
    @Serdeable
    public record CancelForm(@Nullable String from) {
    }

    /**
     * A network's Discoveries tab: Scan now and the run history, filtered by {@link RunFilter}'s
     * parameters (the URL is the state, so a filtered view can be bookmarked). A bad filter value
     * answers 400 with the page explaining it; a bad page number shows the first page.
     */
    @Get("/networks/{networkId}/discoveries")
    public MutableHttpResponse<?> index(HttpRequest<?> request, CurrentMember member, UUID networkId,
                                        @Nullable @QueryValue String state, @Nullable @QueryValue String trigger,
                                        @Nullable @QueryValue String daemon, @Nullable @QueryValue String from,
                                        @Nullable @QueryValue String to, @Nullable @QueryValue String page) {
        RunFilter.Parsed parsed = RunFilter.parse(state, trigger, daemon, null, from, to, page, null, PAGE_SIZE, false);
        DiscoveryViews.IndexPage model = indexPage(member, networkId, DiscoveryForm.empty(), FormErrors.none(), parsed);
        return HttpResponse.status(parsed.errors().any() ? HttpStatus.BAD_REQUEST : HttpStatus.OK)
                .body(new ModelAndView<>(fragment(request) ? DiscoveryViews.LIST : DiscoveryViews.INDEX, model))
                .header("Vary", Htmx.REQUEST);
    }

    /**
     * The organization's run history: runs of every network the member may see, with the same
     * filters plus {@code network}. Its list polls itself while one of its runs is active.
     */
    @Get("/discoveries")
    public MutableHttpResponse<?> history(HttpRequest<?> request, CurrentMember member,
                                          @Nullable @QueryValue String state, @Nullable @QueryValue String trigger,
                                          @Nullable @QueryValue String daemon, @Nullable @QueryValue String network,
                                          @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                          @Nullable @QueryValue String page) {
        RunFilter.Parsed parsed = RunFilter.parse(state, trigger, daemon, network, from, to, page, null, PAGE_SIZE, false);
        Paging<DiscoveryRun> runs = discoveries.organizationHistory(member, parsed.filter());
        Instant now = Instant.now();
        Paging<RunView> views = new Paging<>(runs.items().stream().map(r -> discoveries.view(member, r, now)).toList(),
                runs.page(), runs.size(), runs.total());
        DiscoveryViews.HistoryPage model = DiscoveryViews.HistoryPage.of(member.organizationSlug(), views, parsed.filter(),
                parsed.errors(), discoveries.visibleNetworks(member), member.canWrite());
        return HttpResponse.status(parsed.errors().any() ? HttpStatus.BAD_REQUEST : HttpStatus.OK)
                .body(new ModelAndView<>(fragment(request) ? DiscoveryViews.HISTORY_LIST : DiscoveryViews.HISTORY, model))
                .header("Vary", Htmx.REQUEST);
    }

    @Post(value = "/networks/{networkId}/discoveries", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> queue(HttpRequest<?> request, CurrentMember member, UUID networkId, @Body DiscoveryForm form) {
        DiscoveryRun run;
        try {
            run = discoveries.queue(member, networkId, form, DiscoveryService.TRIGGER_MANUAL);
        } catch (ValidationException e) {
            DiscoveryViews.IndexPage model = indexPage(member, networkId, form, e.errors(), null);
            if (Htmx.isFragmentRequest(request)) {
                // The form targets the list on success; its errors replace the form itself.
                return Htmx.retarget(HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                        .body(new ModelAndView<>(DiscoveryViews.FORM, model)), "#discovery-form");
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(DiscoveryViews.INDEX, model));
        }
        return flash.done(request,
                HttpResponse.ok(new ModelAndView<>(DiscoveryViews.LIST, indexPage(member, networkId, DiscoveryForm.empty(), FormErrors.none(), null))),
                runUrl(member, run.id()), "Discovery queued: " + RunView.portsLabel(run.ports()).toLowerCase(java.util.Locale.ROOT)
                        + " on " + RunView.shortList(run.targets()) + ".", HtmxEvents.DISCOVERIES_CHANGED);
    }

    /** The hosts page's strip: the newest run; {@code run} names the run the strip was following. */
    @Get("/networks/{networkId}/discoveries/latest")
    public MutableHttpResponse<?> latest(CurrentMember member, UUID networkId, @Nullable @QueryValue UUID run) {
        Optional<DiscoveryRun> latest = discoveries.latestOfNetwork(member, networkId);
        Instant now = Instant.now();
        MutableHttpResponse<?> response = HttpResponse.ok(new ModelAndView<>(DiscoveryViews.STRIP, new DiscoveryViews.StripView(
                member.organizationSlug(), networkId, latest.map(r -> discoveries.view(member, r, now)).orElse(null))));
        return finishedEvent(member, run, response);
    }

    @Get("/discoveries/{runId}")
    public ModelAndView<?> show(HttpRequest<?> request, CurrentMember member, UUID runId) {
        return new ModelAndView<>(fragment(request) ? DiscoveryViews.RUN_REGION : DiscoveryViews.RUN, runPage(member, runId));
    }

    /** The run page's progress region; when the run finished it stops polling and fires the finished event. */
    @Get("/discoveries/{runId}/progress")
    public MutableHttpResponse<?> progress(CurrentMember member, UUID runId) {
        DiscoveryViews.RunPage page = runPage(member, runId);
        MutableHttpResponse<?> response = HttpResponse.ok(new ModelAndView<>(DiscoveryViews.PROGRESS, page));
        return page.run().active() ? response : Htmx.trigger(response, "{\"" + HtmxEvents.DISCOVERY_FINISHED + "\":true}");
    }

    @Get("/discoveries/{runId}/row")
    public ModelAndView<?> row(CurrentMember member, UUID runId) {
        return new ModelAndView<>(DiscoveryViews.ROW, new DiscoveryViews.RowView(member.organizationSlug(),
                discoveries.view(member, discoveries.find(member, runId), Instant.now()), member.canWrite()));
    }

    @Post(value = "/discoveries/{runId}/cancellation", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> cancel(HttpRequest<?> request, CurrentMember member, UUID runId, @Nullable @Body CancelForm form) {
        DiscoveryRun run = discoveries.cancel(member, runId);
        boolean fromRow = form != null && "row".equals(form.from());
        Object fragment = fromRow
                ? new ModelAndView<>(DiscoveryViews.ROW, new DiscoveryViews.RowView(member.organizationSlug(),
                        discoveries.view(member, run, Instant.now()), member.canWrite()))
                : new ModelAndView<>(DiscoveryViews.RUN_REGION, runPage(member, runId));
        return flash.done(request, HttpResponse.ok(fragment),
                fromRow ? listUrl(member, run.networkId()) : runUrl(member, runId), "Discovery cancelled.",
                HtmxEvents.DISCOVERIES_CHANGED);
    }

    /** "Scan now" on a host page. */
    @Post(value = "/hosts/{hostId}/discoveries", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> scanHost(HttpRequest<?> request, CurrentMember member, UUID hostId) {
        DiscoveryRun run;
        try {
            run = discoveries.queueForHost(member, hostId);
        } catch (ValidationException e) {
            String message = e.errors().list().get(0).message();
            if (Htmx.isFragmentRequest(request)) {
                return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(DiscoveryViews.HOST_SCAN,
                        hostScan(member, hostId, message)));
            }
            return errorResponses.of(request, HttpStatus.UNPROCESSABLE_ENTITY, message);
        }
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(DiscoveryViews.HOST_SCAN, hostScan(member, hostId, null))),
                runUrl(member, run.id()), "Discovery of this host queued.", HtmxEvents.DISCOVERIES_CHANGED);
    }

    /** A host page's scan region: its newest run, polling while active. */
    @Get("/hosts/{hostId}/discoveries/latest")
    public MutableHttpResponse<?> hostLatest(CurrentMember member, UUID hostId, @Nullable @QueryValue UUID run) {
        MutableHttpResponse<?> response = HttpResponse.ok(new ModelAndView<>(DiscoveryViews.HOST_SCAN, hostScan(member, hostId, null)));
        return finishedEvent(member, run, response);
    }

    private MutableHttpResponse<?> finishedEvent(CurrentMember member, @Nullable UUID followed, MutableHttpResponse<?> response) {
        return discoveries.finished(member, followed)
                ? Htmx.trigger(response, "{\"" + HtmxEvents.DISCOVERY_FINISHED + "\":true}") : response;
    }

    private DiscoveryViews.HostScanView hostScan(CurrentMember member, UUID hostId, @Nullable String error) {
        Instant now = Instant.now();
        return new DiscoveryViews.HostScanView(member.organizationSlug(), hostId,
                discoveries.latestOfHost(member, hostId).map(r -> discoveries.view(member, r, now)).orElse(null), member.canWrite(), error);
    }

    private DiscoveryViews.IndexPage indexPage(CurrentMember member, UUID networkId, DiscoveryForm form, FormErrors errors,
                                               @Nullable RunFilter.Parsed parsed) {
        Network network = discoveries.network(member, networkId);
        RunFilter filter = parsed == null ? RunFilter.none(PAGE_SIZE) : parsed.filter();
        Paging<DiscoveryRun> runs = discoveries.history(member, networkId, filter);
        Instant now = Instant.now();
        Paging<RunView> views = new Paging<>(runs.items().stream().map(r -> discoveries.view(member, r, now)).toList(),
                runs.page(), runs.size(), runs.total());
        return DiscoveryViews.IndexPage.of(member.organizationSlug(), network, form, errors,
                discoveries.daemons(member, networkId), member.canWrite(), views, filter,
                parsed == null ? FormErrors.none() : parsed.errors());
    }

    private DiscoveryViews.RunPage runPage(CurrentMember member, UUID runId) {
        DiscoveryRun run = discoveries.find(member, runId);
        Network network = discoveries.network(member, run.networkId());
        return new DiscoveryViews.RunPage(member.organizationSlug(), network, discoveries.view(member, run, Instant.now()), member.canWrite());
    }

    private static boolean fragment(HttpRequest<?> request) {
        return Htmx.isFragmentRequest(request) && !"true".equalsIgnoreCase(request.getHeaders().get("HX-History-Restore-Request"));
    }

    private static String runUrl(CurrentMember member, UUID runId) {
        return "/o/" + member.organizationSlug() + "/discoveries/" + runId;
    }

    private static String listUrl(CurrentMember member, UUID networkId) {
        return "/o/" + member.organizationSlug() + "/networks/" + networkId + "/discoveries";
    }
}
