package io.topograph.users;

import io.micronaut.core.annotation.Nullable;
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
import io.topograph.platform.web.Check;
import io.topograph.platform.web.Flash;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.ValidationException;

/** Email verification and password reset by emailed link. */
@Controller(produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RecoveryController {

    private final AccountService accounts;
    private final Flash flash;

    public RecoveryController(AccountService accounts, Flash flash) {
        this.accounts = accounts;
        this.flash = flash;
    }

    @Serdeable
    public record ForgotForm(@Nullable String email) {
    }

    @Serdeable
    public record ResetForm(@Nullable String token, @Nullable String password) {
    }

    @Get("/verify-email")
    public MutableHttpResponse<?> verify(@Nullable @QueryValue String token) {
        boolean ok = accounts.verifyEmail(token);
        return HttpResponse.status(ok ? HttpStatus.OK : HttpStatus.GONE)
                .body(new ModelAndView<>(UserViews.VERIFIED, new UserViews.VerifiedPage(ok)));
    }

    @Get("/password/forgot")
    public ModelAndView<?> forgotPage() {
        return new ModelAndView<>(UserViews.FORGOT, new UserViews.ForgotPage("", FormErrors.none(), false));
    }

    @Post(value = "/password/forgot", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> forgot(@Body ForgotForm form) {
        FormErrors errors = FormErrors.none();
        Check.email(errors, "email", form.email());
        if (errors.any()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>(UserViews.FORGOT, new UserViews.ForgotPage(form.email(), errors, false)));
        }
        accounts.requestPasswordReset(form.email());
        return HttpResponse.ok(new ModelAndView<>(UserViews.FORGOT, new UserViews.ForgotPage(form.email(), FormErrors.none(), true)));
    }

    @Get("/password/reset")
    public MutableHttpResponse<?> resetPage(@Nullable @QueryValue String token) {
        boolean valid = accounts.resetTokenValid(token);
        return HttpResponse.status(valid ? HttpStatus.OK : HttpStatus.GONE)
                .body(new ModelAndView<>(UserViews.RESET, new UserViews.ResetPage(token == null ? "" : token, valid, FormErrors.none())));
    }

    @Post(value = "/password/reset", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> reset(@Body ResetForm form) {
        try {
            accounts.resetPassword(form.token(), form.password());
        } catch (ValidationException e) {
            boolean valid = !e.errors().has("token");
            return HttpResponse.status(valid ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.GONE).body(new ModelAndView<>(UserViews.RESET,
                    new UserViews.ResetPage(form.token() == null ? "" : form.token(), valid, e.errors())));
        }
        return flash.redirect("/login", Flash.Level.success, "Your password was changed. Log in with the new one.");
    }
}
