package io.topograph.users;

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
import io.topograph.platform.security.RequestPrincipal;
import io.topograph.platform.security.SessionService;
import io.topograph.platform.web.Flash;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.Htmx;
import io.topograph.platform.web.ValidationException;

/** The signed-in user's own profile, password and sessions. */
@Controller(value = "/account", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AccountController {

    private final AccountService accounts;
    private final SessionService sessions;
    private final Flash flash;

    public AccountController(AccountService accounts, SessionService sessions, Flash flash) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.flash = flash;
    }

    @Get
    public ModelAndView<?> show(RequestPrincipal principal) {
        return new ModelAndView<>(UserViews.ACCOUNT, page(principal, null, FormErrors.none(), FormErrors.none()));
    }

    @Post(value = "/profile", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> updateProfile(HttpRequest<?> request, RequestPrincipal principal, @Body ProfileForm form) {
        try {
            accounts.updateProfile(principal.userId(), form);
        } catch (ValidationException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(
                    Htmx.isFragmentRequest(request) ? UserViews.PROFILE_FORM : UserViews.ACCOUNT,
                    page(principal, form, e.errors(), FormErrors.none())));
        }
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(UserViews.PROFILE_FORM,
                page(principal, null, FormErrors.none(), FormErrors.none()))), "/account", "Profile saved.");
    }

    @Post(value = "/password", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> changePassword(HttpRequest<?> request, RequestPrincipal principal, @Body PasswordForm form) {
        try {
            accounts.changePassword(principal.userId(), principal.sessionId(), form);
        } catch (ValidationException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(
                    Htmx.isFragmentRequest(request) ? UserViews.PASSWORD_FORM : UserViews.ACCOUNT,
                    page(principal, null, FormErrors.none(), e.errors())));
        }
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(UserViews.PASSWORD_FORM,
                page(principal, null, FormErrors.none(), FormErrors.none()))), "/account", "Password changed. Other devices were logged out.");
    }

    @Post(value = "/verification", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> resendVerification(RequestPrincipal principal) {
        accounts.sendVerification(accounts.get(principal.userId()));
        return flash.redirect("/account", Flash.Level.info, "We sent a new confirmation link to " + principal.email() + ".");
    }

    private UserViews.AccountPage page(RequestPrincipal principal, ProfileForm form, FormErrors profileErrors, FormErrors passwordErrors) {
        User user = accounts.get(principal.userId());
        return new UserViews.AccountPage(form != null ? form : new ProfileForm(user.name(), user.email()),
                profileErrors, passwordErrors, user.emailVerifiedAt() != null, sessions.countActive(user.id()));
    }
}
