package io.topograph.daemons;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.Flash;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.Htmx;
import io.topograph.platform.web.HtmxEvents;
import io.topograph.platform.web.ValidationException;

import java.util.UUID;

/**
 * A network's Daemons tab: its daemons, its enrollment tokens, "Add daemon" and the daemon
 * download. Secrets (a new token, a rotation's re-enroll token) are answered in the page itself,
 * also without JavaScript: a redirect would have to carry them in a cookie or URL.
 */
@Controller(value = "/o/{slug}/networks/{networkId}", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DaemonsController {

    private final DaemonService daemons;
    private final EnrollmentTokenService tokens;
    private final InstallCommands commands;
    private final Flash flash;

    public DaemonsController(DaemonService daemons, EnrollmentTokenService tokens, InstallCommands commands, Flash flash) {
        this.daemons = daemons;
        this.tokens = tokens;
        this.commands = commands;
        this.flash = flash;
    }

    @Get("/daemons")
    public ModelAndView<?> index(HttpRequest<?> request, CurrentMember member, UUID networkId) {
        if (Htmx.isFragmentRequest(request)) {
            return new ModelAndView<>(DaemonViews.LIST, listView(member, networkId));
        }
        return new ModelAndView<>(DaemonViews.INDEX, indexPage(member, networkId, DaemonViews.AddRegion.none()));
    }

    /** "Add daemon": the form alone for htmx, the whole page with the form open otherwise. */
    @Get("/daemons/new")
    public ModelAndView<?> newDaemon(HttpRequest<?> request, CurrentMember member, UUID networkId) {
        daemons.network(member, networkId);
        DaemonAccess.requireManage(member);
        DaemonViews.AddRegion add = DaemonViews.AddRegion.form(TokenForm.empty(), FormErrors.none());
        return Htmx.isFragmentRequest(request)
                ? new ModelAndView<>(DaemonViews.ADD, addView(member, networkId, add))
                : new ModelAndView<>(DaemonViews.INDEX, indexPage(member, networkId, add));
    }

    @Get("/daemon-tokens")
    public MutableHttpResponse<?> tokenList(HttpRequest<?> request, CurrentMember member, UUID networkId) {
        DaemonViews.TokensView view = tokensView(member, networkId);
        if (!Htmx.isFragmentRequest(request)) {
            return flash.redirect(daemonsUrl(member, networkId));
        }
        return HttpResponse.ok(new ModelAndView<>(DaemonViews.TOKENS, view));
    }

    @Post(value = "/daemon-tokens", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> createToken(HttpRequest<?> request, CurrentMember member, UUID networkId,
                                              @Nullable @Body TokenForm body) {
        TokenForm form = body == null ? new TokenForm(null, null, null) : body;
        boolean fragment = Htmx.isFragmentRequest(request);
        CreatedToken created;
        try {
            created = tokens.create(member, networkId, form);
        } catch (ValidationException e) {
            DaemonViews.AddRegion add = DaemonViews.AddRegion.form(form, e.errors());
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(fragment
                    ? new ModelAndView<>(DaemonViews.ADD, addView(member, networkId, add))
                    : new ModelAndView<>(DaemonViews.INDEX, indexPage(member, networkId, add)));
        }
        DaemonViews.Secret secret = new DaemonViews.Secret("Enrollment token created",
                "Run one of these commands on the machine that should scan this network. The token is shown only this once;"
                        + " Topograph keeps only a hash of it.",
                created.secret(), created.token().prefix(), DaemonViews.expiresIn(created.token().expiresAt()),
                commands.forToken(created.secret()), false);
        return secretResponse(request, member, networkId, secret, "Enrollment token created. Copy the install command now.",
                HtmxEvents.DAEMON_TOKENS_CHANGED);
    }

    /** The confirmation page for browsers without JavaScript (htmx asks with hx-confirm). */
    @Get("/daemon-tokens/{tokenId}/revoke")
    public ModelAndView<?> confirmRevoke(CurrentMember member, UUID networkId, UUID tokenId) {
        DaemonViews.TokenView view = tokenView(member, networkId, tokenId);
        DaemonAccess.requireManage(member);
        return new ModelAndView<>(DaemonViews.REVOKE, view);
    }

    @Post(value = "/daemon-tokens/{tokenId}/revocation", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> revoke(HttpRequest<?> request, CurrentMember member, UUID networkId, UUID tokenId) {
        EnrollmentToken revoked = tokens.revoke(member, networkId, tokenId);
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(DaemonViews.TOKEN_ROW, tokenView(member, networkId, tokenId))),
                daemonsUrl(member, networkId), "Enrollment token " + revoked.prefix() + "… revoked.");
    }

    @Get("/daemons/{daemonId}/row")
    public ModelAndView<?> row(CurrentMember member, UUID networkId, UUID daemonId) {
        return new ModelAndView<>(DaemonViews.ROW, rowView(member, networkId, daemonId, null, FormErrors.none()));
    }

    @Get("/daemons/{daemonId}/edit")
    public ModelAndView<?> edit(HttpRequest<?> request, CurrentMember member, UUID networkId, UUID daemonId) {
        DaemonViews.RowView view = rowView(member, networkId, daemonId, null, FormErrors.none());
        DaemonAccess.requireManage(member);
        return new ModelAndView<>(Htmx.isFragmentRequest(request) ? DaemonViews.EDIT_ROW : DaemonViews.EDIT, view);
    }

    @Post(value = "/daemons/{daemonId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> rename(HttpRequest<?> request, CurrentMember member, UUID networkId, UUID daemonId,
                                         @Nullable @Body RenameForm body) {
        RenameForm form = body == null ? new RenameForm(null) : body;
        daemons.getInNetwork(member, networkId, daemonId);
        Daemon renamed;
        try {
            renamed = daemons.rename(member, daemonId, form.name());
        } catch (ValidationException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(
                    Htmx.isFragmentRequest(request) ? DaemonViews.EDIT_ROW : DaemonViews.EDIT,
                    rowView(member, networkId, daemonId, form.name(), e.errors())));
        }
        return flash.done(request, rowResponse(member, networkId, daemonId), daemonsUrl(member, networkId),
                "Daemon renamed to “" + renamed.name() + "”.");
    }

    @Post(value = "/daemons/{daemonId}/disable", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> disable(HttpRequest<?> request, CurrentMember member, UUID networkId, UUID daemonId) {
        daemons.getInNetwork(member, networkId, daemonId);
        Daemon d = daemons.setDisabled(member, daemonId, true);
        return flash.done(request, rowResponse(member, networkId, daemonId), daemonsUrl(member, networkId),
                "Daemon “" + d.name() + "” disabled: it gets no work until you enable it.");
    }

    @Post(value = "/daemons/{daemonId}/enable", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> enable(HttpRequest<?> request, CurrentMember member, UUID networkId, UUID daemonId) {
        daemons.getInNetwork(member, networkId, daemonId);
        Daemon d = daemons.setDisabled(member, daemonId, false);
        return flash.done(request, rowResponse(member, networkId, daemonId), daemonsUrl(member, networkId),
                "Daemon “" + d.name() + "” enabled.");
    }

    @Post(value = "/daemons/{daemonId}/credential-rotations", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> rotate(HttpRequest<?> request, CurrentMember member, UUID networkId, UUID daemonId) {
        daemons.getInNetwork(member, networkId, daemonId);
        DaemonService.Rotation rotation = daemons.rotate(member, daemonId);
        String token = rotation.token().secret();
        DaemonViews.Secret secret = new DaemonViews.Secret("Credential of “" + rotation.daemon().name() + "” rotated",
                "The daemon's old credential stopped working just now. Re-enroll it with this single-use token (valid for 24 hours):"
                        + " it keeps its id, name and history. The token is shown only this once.",
                token, rotation.token().token().prefix(), DaemonViews.expiresIn(rotation.token().token().expiresAt()),
                commands.forToken(token), true);
        return secretResponse(request, member, networkId, secret, "Credential rotated. Re-enroll the daemon with the new token.",
                HtmxEvents.DAEMONS_CHANGED, HtmxEvents.DAEMON_TOKENS_CHANGED);
    }

    /** The confirmation page for deleting (htmx asks with hx-confirm). */
    @Get("/daemons/{daemonId}/delete")
    public ModelAndView<?> confirmDelete(CurrentMember member, UUID networkId, UUID daemonId) {
        DaemonViews.RowView view = rowView(member, networkId, daemonId, null, FormErrors.none());
        DaemonAccess.requireManage(member);
        return new ModelAndView<>(DaemonViews.DELETE, view);
    }

    @Post(value = "/daemons/{daemonId}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> delete(HttpRequest<?> request, CurrentMember member, UUID networkId, UUID daemonId) {
        daemons.getInNetwork(member, networkId, daemonId);
        Daemon deleted = daemons.delete(member, daemonId);
        return flash.done(request, HttpResponse.ok("").contentType(MediaType.TEXT_HTML_TYPE), daemonsUrl(member, networkId),
                "Daemon “" + deleted.name() + "” deleted. Its credential no longer works.",
                HtmxEvents.DAEMONS_CHANGED, HtmxEvents.DAEMON_TOKENS_CHANGED);
    }

    private MutableHttpResponse<?> secretResponse(HttpRequest<?> request, CurrentMember member, UUID networkId,
                                                  DaemonViews.Secret secret, String toast, String... events) {
        DaemonViews.AddRegion add = DaemonViews.AddRegion.secret(secret);
        MutableHttpResponse<?> response = Htmx.isFragmentRequest(request)
                ? Htmx.toast(HttpResponse.ok(new ModelAndView<>(DaemonViews.ADD, addView(member, networkId, add))),
                        Flash.Level.success, toast, events)
                : HttpResponse.ok(new ModelAndView<>(DaemonViews.INDEX, indexPage(member, networkId, add)));
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private MutableHttpResponse<?> rowResponse(CurrentMember member, UUID networkId, UUID daemonId) {
        return HttpResponse.ok(new ModelAndView<>(DaemonViews.ROW, rowView(member, networkId, daemonId, null, FormErrors.none())));
    }

    private DaemonViews.IndexPage indexPage(CurrentMember member, UUID networkId, DaemonViews.AddRegion add) {
        DaemonService.Listing listing = daemons.list(member, networkId);
        String latest = daemons.latestVersion();
        DaemonViews.Download download = daemons.bundledJar()
                .map(j -> new DaemonViews.Download(true, j.version(), j.sha256(), String.format("%.1f MB", j.size() / 1_048_576.0)))
                .orElse(new DaemonViews.Download(false, "", "", ""));
        return new DaemonViews.IndexPage(member.organizationSlug(), DaemonViews.NetworkRef.of(listing.network()),
                DaemonViews.DaemonRow.of(listing.daemons(), latest),
                DaemonViews.TokenRow.of(tokens.list(member, networkId), listing.daemons()),
                DaemonService.canManage(member), add.addMode(), add.form(), add.errors(), add.expiries(), add.secret(), download,
                commands.baseUrl());
    }

    private DaemonViews.NetworkRef networkRef(CurrentMember member, UUID networkId) {
        return DaemonViews.NetworkRef.of(daemons.network(member, networkId));
    }

    private DaemonViews.ListView listView(CurrentMember member, UUID networkId) {
        DaemonService.Listing listing = daemons.list(member, networkId);
        return new DaemonViews.ListView(member.organizationSlug(), DaemonViews.NetworkRef.of(listing.network()),
                DaemonViews.DaemonRow.of(listing.daemons(), daemons.latestVersion()), DaemonService.canManage(member));
    }

    private DaemonViews.TokensView tokensView(CurrentMember member, UUID networkId) {
        DaemonService.Listing listing = daemons.list(member, networkId);
        return new DaemonViews.TokensView(member.organizationSlug(), DaemonViews.NetworkRef.of(listing.network()),
                DaemonViews.TokenRow.of(tokens.list(member, networkId), listing.daemons()), DaemonService.canManage(member));
    }

    private DaemonViews.TokenView tokenView(CurrentMember member, UUID networkId, UUID tokenId) {
        DaemonViews.TokensView all = tokensView(member, networkId);
        DaemonViews.TokenRow row = all.tokens().stream().filter(t -> t.id().equals(tokenId)).findFirst()
                .orElseThrow(() -> new io.topograph.platform.web.NotFoundException("Enrollment token not found"));
        return new DaemonViews.TokenView(all.slug(), all.network(), row, all.canManage());
    }

    private DaemonViews.AddView addView(CurrentMember member, UUID networkId, DaemonViews.AddRegion add) {
        return new DaemonViews.AddView(member.organizationSlug(), networkRef(member, networkId),
                DaemonService.canManage(member), add.addMode(), add.form(), add.errors(), add.expiries(), add.secret());
    }

    private DaemonViews.RowView rowView(CurrentMember member, UUID networkId, UUID daemonId, @Nullable String name, FormErrors errors) {
        Daemon d = daemons.getInNetwork(member, networkId, daemonId);
        return new DaemonViews.RowView(member.organizationSlug(), networkRef(member, networkId),
                DaemonViews.DaemonRow.of(d, daemons.latestVersion(), java.time.Instant.now()), DaemonService.canManage(member),
                name != null ? name : d.name(), errors);
    }

    private static String daemonsUrl(CurrentMember member, UUID networkId) {
        return "/o/" + member.organizationSlug() + "/networks/" + networkId + "/daemons";
    }
}
