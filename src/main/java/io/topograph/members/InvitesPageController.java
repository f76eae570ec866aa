package io.topograph.members;

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
import io.topograph.invites.Invite;
import io.topograph.invites.InviteForm;
import io.topograph.invites.InviteService;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.Flash;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.Htmx;
import io.topograph.platform.web.HtmxEvents;
import io.topograph.platform.web.ValidationException;

import java.util.UUID;

/**
 * The pending-invites region of the Members page: invite, resend, revoke. htmx requests get the
 * region back (with the new link shown once); plain posts get 303 to the Members page.
 */
@Controller(value = "/o/{slug}/invites", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class InvitesPageController {

    private final InviteService invites;
    private final MemberPages pages;
    private final Flash flash;

    InvitesPageController(InviteService invites, MemberPages pages, Flash flash) {
        this.invites = invites;
        this.pages = pages;
        this.flash = flash;
    }

    @Get
    public MutableHttpResponse<?> index(HttpRequest<?> request, CurrentMember member) {
        if (Htmx.isFragmentRequest(request)) {
            return HttpResponse.ok(new ModelAndView<>(MemberViews.INVITES, pages.panelView(member, InviteForm.empty(), FormErrors.none(), null)));
        }
        return flash.redirect(membersUrl(member));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> create(HttpRequest<?> request, CurrentMember member, @Body InviteForm form) {
        InviteService.Issued issued;
        try {
            issued = invites.create(member, form);
        } catch (ValidationException e) {
            InviteForm shown = form.normalized();
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Htmx.isFragmentRequest(request)
                    ? new ModelAndView<>(MemberViews.INVITES, pages.panelView(member, shown, e.errors(), null))
                    : new ModelAndView<>(MemberViews.INDEX, pages.index(member, shown, e.errors())));
        }
        return done(request, member, issued, "Invite sent to " + issued.invite().email() + ".");
    }

    @Post(value = "/{id}/resend", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> resend(HttpRequest<?> request, CurrentMember member, UUID id) {
        InviteService.Issued issued = invites.resend(member, id);
        return done(request, member, issued, "A new invite link was sent to " + issued.invite().email() + "; the old one no longer works.");
    }

    @Post(value = "/{id}/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> revoke(HttpRequest<?> request, CurrentMember member, UUID id) {
        Invite revoked = invites.revoke(member, id);
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(MemberViews.INVITES,
                        pages.panelView(member, InviteForm.empty(), FormErrors.none(), null))),
                membersUrl(member), "The invite to " + revoked.email() + " was revoked.", HtmxEvents.INVITES_CHANGED);
    }

    private MutableHttpResponse<?> done(HttpRequest<?> request, CurrentMember member, InviteService.Issued issued, String text) {
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(MemberViews.INVITES,
                        pages.panelView(member, InviteForm.empty(), FormErrors.none(), issued))),
                membersUrl(member), text, HtmxEvents.INVITES_CHANGED);
    }

    private static String membersUrl(CurrentMember member) {
        return "/o/" + member.organizationSlug() + "/members";
    }
}
