package io.topograph.invites;

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
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.topograph.platform.security.RequestPrincipal;
import io.topograph.platform.security.SessionService;
import io.topograph.platform.web.Flash;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.NotFoundException;
import io.topograph.platform.web.ValidationException;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code /invites/{token}}: the emailed link. Open to visitors and signed-in users alike; what
 * it offers depends on the link's state and on who opens it (see {@link AcceptViews.State}).
 */
@Controller(value = "/invites/{token}", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AcceptInviteController {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    static final String UNKNOWN = "This invite link is not valid. Check that you copied the whole link from the email.";

    private final InviteService invites;
    private final SessionService sessions;
    private final HttpClientAddressResolver addresses;
    private final Flash flash;

    public AcceptInviteController(InviteService invites, SessionService sessions, HttpClientAddressResolver addresses, Flash flash) {
        this.invites = invites;
        this.sessions = sessions;
        this.addresses = addresses;
        this.flash = flash;
    }

    @Serdeable
    public record SignupFields(@Nullable String name, @Nullable String password) {
    }

    @Get
    public MutableHttpResponse<?> show(String token, @Nullable RequestPrincipal principal) {
        var found = invites.inspect(token);
        if (found.isEmpty()) {
            // A rendered 404 body would be replaced by the app-wide 404 page, so say it there.
            throw new NotFoundException(UNKNOWN);
        }
        InviteService.Link link = found.get();
        Invite invite = link.invite();
        if (invite.state() != Invite.State.PENDING) {
            if (principal != null && principal.userId().equals(invite.acceptedBy()) && invites.isMember(invite, principal.userId())) {
                return flash.redirect("/o/" + link.organization().slug()); // accepted before: just go in
            }
            try {
                InviteService.requireUsable(invite, link.organization());
            } catch (HttpStatusException e) {
                return page(HttpStatus.GONE, view(token, link, AcceptViews.State.GONE, principal, e.getMessage(), "", FormErrors.none()));
            }
        }
        if (principal != null) {
            boolean same = invite.email().equalsIgnoreCase(principal.email());
            return page(same ? HttpStatus.OK : HttpStatus.FORBIDDEN, view(token, link,
                    same ? AcceptViews.State.ACCEPT : AcceptViews.State.WRONG_ACCOUNT, principal, null, "", FormErrors.none()));
        }
        return page(HttpStatus.OK, view(token, link, link.accountExists() ? AcceptViews.State.LOG_IN : AcceptViews.State.SIGN_UP,
                null, null, "", FormErrors.none()));
    }

    /** The signed-in, invited user joins. */
    @Post(value = "/accept", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> accept(String token, @Nullable RequestPrincipal principal) {
        if (principal == null) {
            return flash.redirect("/invites/" + token);
        }
        InviteService.Joined joined = invites.accept(token, principal.userId(), principal.email());
        return welcome(joined);
    }

    /** A visitor without an account creates one and joins, in one transaction, and is logged in. */
    @Post(value = "/signup", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> signUp(String token, HttpRequest<?> request, @Nullable RequestPrincipal principal,
                                         @Body SignupFields form) {
        if (principal != null) {
            return flash.redirect("/invites/" + token);
        }
        InviteService.Joined joined;
        try {
            joined = invites.signUpAndAccept(token, form.name(), form.password());
        } catch (ValidationException e) {
            InviteService.Link link = invites.inspect(token).orElseThrow();
            // An account for the address appeared meanwhile: offer to log in instead.
            AcceptViews.State state = e.errors().has("email") ? AcceptViews.State.LOG_IN : AcceptViews.State.SIGN_UP;
            return page(HttpStatus.UNPROCESSABLE_ENTITY, view(token, link, state, null, null,
                    form.name() == null ? "" : form.name(), e.errors()));
        }
        String ip = addresses.resolve(request);
        return welcome(joined).cookie(sessions.start(joined.userId(), joined.organizationId(), ip == null ? "unknown" : ip,
                request.getHeaders().get("User-Agent")));
    }

    private MutableHttpResponse<?> welcome(InviteService.Joined joined) {
        String text = joined.alreadyMember()
                ? "You are a member of " + joined.organizationName() + "."
                : "Welcome to " + joined.organizationName() + "! You joined as " + joined.role().label() + ".";
        return flash.redirect("/o/" + joined.organizationSlug(), Flash.Level.success, text);
    }

    private static MutableHttpResponse<?> page(HttpStatus status, AcceptViews.AcceptPage page) {
        return HttpResponse.status(status).body(new ModelAndView<>(AcceptViews.ACCEPT, page));
    }

    private static AcceptViews.AcceptPage view(String token, InviteService.Link link, AcceptViews.State state,
                                               @Nullable RequestPrincipal principal, @Nullable String message,
                                               String name, FormErrors errors) {
        Invite invite = link.invite();
        return new AcceptViews.AcceptPage(token, state, link.organization().name(), invite.email(), invite.role().label(),
                invite.role().seesAllNetworks() ? List.of() : link.networkNames(),
                invite.invitedByName() == null ? "A member" : invite.invitedByName(), DATE.format(invite.expiresAt()),
                principal == null ? null : principal.email(), message, name, errors);
    }
}
