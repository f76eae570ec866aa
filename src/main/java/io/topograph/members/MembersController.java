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
import io.topograph.invites.InviteForm;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.tenancy.Role;
import io.topograph.platform.web.Flash;
import io.topograph.platform.web.ForbiddenException;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.Htmx;
import io.topograph.platform.web.HtmxEvents;
import io.topograph.platform.web.ValidationException;

import java.util.UUID;

/**
 * The Members page: the member list with inline edit (role and networks), removal and leaving.
 * Every action works as a plain form post (303 back) and, with htmx, swaps only its region.
 * The pending-invites region of the same page is served by {@link InvitesPageController}.
 */
@Controller(value = "/o/{slug}", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MembersController {

    private final MemberService members;
    private final MemberPages pages;
    private final Flash flash;

    MembersController(MemberService members, MemberPages pages, Flash flash) {
        this.members = members;
        this.pages = pages;
        this.flash = flash;
    }

    @Get("/members")
    public ModelAndView<?> index(HttpRequest<?> request, CurrentMember member) {
        if (Htmx.isFragmentRequest(request)) {
            return new ModelAndView<>(MemberViews.LIST, pages.list(member));
        }
        return new ModelAndView<>(MemberViews.INDEX, pages.index(member, InviteForm.empty(), FormErrors.none()));
    }

    @Get("/members/{id}/row")
    public ModelAndView<?> row(CurrentMember member, UUID id) {
        return new ModelAndView<>(MemberViews.ROW, pages.row(member, members.get(member, id), null, FormErrors.none()));
    }

    @Get("/members/{id}/edit")
    public ModelAndView<?> edit(HttpRequest<?> request, CurrentMember member, UUID id) {
        MemberRow row = manageable(member, id);
        return new ModelAndView<>(Htmx.isFragmentRequest(request) ? MemberViews.EDIT_ROW : MemberViews.EDIT,
                pages.row(member, row, null, FormErrors.none()));
    }

    @Post(value = "/members/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> update(HttpRequest<?> request, CurrentMember member, UUID id, @Body MemberForm form) {
        MemberRow updated;
        try {
            updated = members.update(member, id, form);
        } catch (ValidationException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(
                    Htmx.isFragmentRequest(request) ? MemberViews.EDIT_ROW : MemberViews.EDIT,
                    pages.row(member, members.get(member, id), form, e.errors())));
        }
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(MemberViews.ROW, pages.row(member, updated, null, FormErrors.none()))),
                listUrl(member), updated.name() + " is now " + updated.role().label() + ".", HtmxEvents.MEMBERS_CHANGED);
    }

    /** The confirmation page for browsers without JavaScript (htmx asks with hx-confirm). */
    @Get("/members/{id}/remove")
    public ModelAndView<?> confirmRemove(CurrentMember member, UUID id) {
        return new ModelAndView<>(MemberViews.REMOVE, pages.row(member, manageable(member, id), null, FormErrors.none()));
    }

    @Post(value = "/members/{id}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> remove(HttpRequest<?> request, CurrentMember member, UUID id) {
        MemberRow removed = members.remove(member, id);
        if (removed.userId().equals(member.userId())) {
            return left(request, member);
        }
        return flash.done(request, HttpResponse.ok("").contentType(MediaType.TEXT_HTML_TYPE), listUrl(member),
                removed.name() + " was removed from " + member.organizationName() + ".", HtmxEvents.MEMBERS_CHANGED);
    }

    @Get("/membership/leave")
    public ModelAndView<?> confirmLeave(CurrentMember member) {
        boolean lastOwner = member.role() == Role.OWNER
                && members.list(member).stream().filter(m -> m.role() == Role.OWNER).count() <= 1;
        return new ModelAndView<>(MemberViews.LEAVE, new MemberViews.LeavePage(member.organizationSlug(), member.organizationName(), lastOwner));
    }

    @Post(value = "/membership/leave", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> leave(HttpRequest<?> request, CurrentMember member) {
        members.leave(member);
        return left(request, member);
    }

    /** After leaving, the home page picks another organization (or offers to create one). */
    private MutableHttpResponse<?> left(HttpRequest<?> request, CurrentMember member) {
        String text = "You left " + member.organizationName() + ".";
        if (Htmx.isFragmentRequest(request)) {
            return HttpResponse.ok().header(Htmx.REDIRECT, "/").cookie(flash.cookie(Flash.Level.success, text));
        }
        return flash.redirect("/", Flash.Level.success, text);
    }

    private MemberRow manageable(CurrentMember member, UUID id) {
        member.requireMemberManagement();
        MemberRow row = members.get(member, id);
        if (!MemberService.mayManage(member, row)) {
            throw new ForbiddenException("Only Owners can make someone Owner or change an Owner.");
        }
        return row;
    }

    private static String listUrl(CurrentMember member) {
        return "/o/" + member.organizationSlug() + "/members";
    }
}
