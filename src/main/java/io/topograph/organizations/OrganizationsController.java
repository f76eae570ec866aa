package io.topograph.organizations;

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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.topograph.networks.NetworkService;
import io.topograph.networks.NetworkSummary;
import io.topograph.platform.security.RequestPrincipal;
import io.topograph.platform.security.SessionService;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.tenancy.MemberDirectory;
import io.topograph.platform.web.Flash;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.Htmx;
import io.topograph.platform.web.ValidationException;

import java.net.URI;
import java.util.List;

/** Home redirect, organization dashboard, settings, creation and deletion. */
@Controller(produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class OrganizationsController {

    private final OrganizationService organizations;
    private final NetworkService networks;
    private final MemberDirectory directory;
    private final MemberListing members;
    private final SessionService sessions;
    private final Flash flash;

    public OrganizationsController(OrganizationService organizations, NetworkService networks, MemberDirectory directory,
                                   MemberListing members, SessionService sessions, Flash flash) {
        this.organizations = organizations;
        this.networks = networks;
        this.directory = directory;
        this.members = members;
        this.sessions = sessions;
        this.flash = flash;
    }

    @Serdeable
    public record NewOrganizationForm(@Nullable String name) {
    }

    @Serdeable
    public record DeleteForm(@Nullable String confirmation) {
    }

    /** Signed-in users land in their current organization; visitors on the login page. */
    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    public MutableHttpResponse<?> home(@Nullable RequestPrincipal principal) {
        if (principal == null) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        var member = (principal.sessionOrganizationId() == null ? java.util.Optional.<CurrentMember>empty()
                : directory.findByOrganizationId(principal.userId(), principal.sessionOrganizationId()))
                .or(() -> directory.findDefault(principal.userId()));
        return HttpResponse.seeOther(URI.create(member.map(m -> "/o/" + m.organizationSlug()).orElse("/orgs/new")));
    }

    @Get("/o/{slug}")
    public ModelAndView<?> dashboard(String slug, CurrentMember member) {
        List<NetworkSummary> visible = networks.listVisible(member);
        List<OrganizationViews.MemberLine> people = members.firstMembers(member.organizationId(), 8);
        return new ModelAndView<>(OrganizationViews.DASHBOARD, new OrganizationViews.DashboardPage(
                member.organizationSlug(), member.organizationName(), visible,
                visible.stream().mapToLong(NetworkSummary::hostCount).sum(),
                visible.stream().mapToLong(NetworkSummary::serviceCount).sum(),
                0, 0, people, members.count(member.organizationId()),
                member.canWrite() && member.role().seesAllNetworks(), member.canManageMembers()));
    }

    @Get("/o/{slug}/settings")
    public ModelAndView<?> settings(String slug, CurrentMember member) {
        Organization org = organizations.get(member);
        return new ModelAndView<>(OrganizationViews.SETTINGS, settingsPage(member, new OrganizationForm(org.name(), org.slug()),
                FormErrors.none(), FormErrors.none()));
    }

    @Post(value = "/o/{slug}/settings", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> updateSettings(String slug, HttpRequest<?> request, CurrentMember member, @Body OrganizationForm form) {
        Organization updated;
        try {
            updated = organizations.update(member, form);
        } catch (ValidationException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(
                    Htmx.isFragmentRequest(request) ? OrganizationViews.SETTINGS_FORM : OrganizationViews.SETTINGS,
                    settingsPage(member, form, e.errors(), FormErrors.none())));
        }
        String url = "/o/" + updated.slug() + "/settings";
        if (Htmx.isFragmentRequest(request)) {
            // The address may have changed: reload the page at its new URL.
            return HttpResponse.ok().header(Htmx.REDIRECT, url).cookie(flash.cookie(Flash.Level.success, "Organization settings saved."));
        }
        return flash.redirect(url, Flash.Level.success, "Organization settings saved.");
    }

    @Post(value = "/o/{slug}/deletion", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> delete(String slug, CurrentMember member, @Body DeleteForm form) {
        Organization deleted;
        try {
            deleted = organizations.delete(member, form.confirmation());
        } catch (ValidationException e) {
            Organization org = organizations.get(member);
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(OrganizationViews.SETTINGS,
                    settingsPage(member, new OrganizationForm(org.name(), org.slug()), FormErrors.none(), e.errors())));
        }
        return flash.redirect("/", Flash.Level.success, "Organization “" + deleted.name() + "” and all its data were deleted.");
    }

    @Get("/orgs/new")
    public ModelAndView<?> newPage() {
        return new ModelAndView<>(OrganizationViews.NEW, new OrganizationViews.NewPage("", FormErrors.none()));
    }

    @Post(value = "/orgs", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> create(RequestPrincipal principal, @Body NewOrganizationForm form) {
        FormErrors errors = FormErrors.none();
        OrganizationService.checkName(errors, "name", form.name());
        if (errors.any()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>(OrganizationViews.NEW, new OrganizationViews.NewPage(form.name(), errors)));
        }
        Organization org = organizations.createWithOwner(form.name(), principal.userId());
        if (principal.sessionId() != null) {
            sessions.rememberOrganization(principal.sessionId(), org.id());
        }
        return flash.redirect("/o/" + org.slug(), Flash.Level.success, "Organization “" + org.name() + "” created.");
    }

    private OrganizationViews.SettingsPage settingsPage(CurrentMember member, OrganizationForm form, FormErrors errors, FormErrors deleteErrors) {
        return new OrganizationViews.SettingsPage(member.organizationSlug(), form, errors,
                member.role().atLeast(io.topograph.platform.tenancy.Role.ADMIN), member.isOwner(), deleteErrors);
    }
}
