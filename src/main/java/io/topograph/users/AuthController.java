package io.topograph.users;

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
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.topograph.platform.security.RequestPrincipal;
import io.topograph.platform.security.SessionService;
import io.topograph.platform.tenancy.MemberDirectory;
import io.topograph.platform.web.Flash;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.ValidationException;

import java.net.URI;
import java.util.UUID;

/** Sign-up, login and logout. */
@Controller(produces = MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuthController {

    private final AccountService accounts;
    private final SessionService sessions;
    private final LoginThrottle throttle;
    private final MemberDirectory directory;
    private final HttpClientAddressResolver addresses;
    private final Flash flash;

    public AuthController(AccountService accounts, SessionService sessions, LoginThrottle throttle, MemberDirectory directory,
                          HttpClientAddressResolver addresses, Flash flash) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.directory = directory;
        this.addresses = addresses;
        this.flash = flash;
    }

    @Serdeable
    public record LoginForm(@Nullable String email, @Nullable String password, @Nullable String next) {
    }

    @Get("/signup")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public ModelAndView<?> signupPage() {
        return new ModelAndView<>(UserViews.SIGNUP, new UserViews.SignupPage(SignupForm.empty(), FormErrors.none()));
    }

    @Post(value = "/signup", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public MutableHttpResponse<?> signup(HttpRequest<?> request, @Body SignupForm form) {
        AccountService.SignedUp result;
        try {
            result = accounts.signUp(form);
        } catch (ValidationException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>(UserViews.SIGNUP, new UserViews.SignupPage(form.withoutPassword(), e.errors())));
        }
        return HttpResponse.seeOther(URI.create("/o/" + result.organization().slug()))
                .cookie(sessions.start(result.user().id(), result.organization().id(), address(request), userAgent(request)))
                .cookie(flash.cookie(Flash.Level.success, "Welcome to Topograph! We sent a confirmation link to " + result.user().email() + "."));
    }

    @Get("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public ModelAndView<?> loginPage(@Nullable @QueryValue String next) {
        return new ModelAndView<>(UserViews.LOGIN, new UserViews.LoginPage("", null, safeNext(next)));
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public MutableHttpResponse<?> login(HttpRequest<?> request, @Body LoginForm form) {
        String email = form.email() == null ? "" : form.email().trim();
        String ip = address(request);
        String next = safeNext(form.next());
        if (throttle.isBlocked(email, ip)) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).body(new ModelAndView<>(UserViews.LOGIN, new UserViews.LoginPage(email,
                    "Too many failed attempts. Wait " + LoginThrottle.windowMinutes() + " minutes or reset your password.", next)));
        }
        var user = accounts.authenticate(email, form.password());
        if (user.isEmpty()) {
            throttle.recordFailure(email, ip);
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new ModelAndView<>(UserViews.LOGIN,
                    new UserViews.LoginPage(email, "The email or password is incorrect.", next)));
        }
        throttle.clear(email);
        UUID userId = user.get().id();
        var landing = directory.findDefault(userId);
        String target = next != null ? next : landing.map(m -> "/o/" + m.organizationSlug()).orElse("/orgs/new");
        return HttpResponse.seeOther(URI.create(target))
                .cookie(sessions.start(userId, landing.map(m -> m.organizationId()).orElse(null), ip, userAgent(request)));
    }

    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public MutableHttpResponse<?> logout(RequestPrincipal principal) {
        if (principal.sessionId() != null) {
            sessions.end(principal.sessionId());
        }
        return HttpResponse.seeOther(URI.create("/login")).cookie(sessions.clearingCookie())
                .cookie(flash.cookie(Flash.Level.info, "You are logged out."));
    }

    /** Ends every session of this account on every device and server node. */
    @Post(value = "/logout/everywhere", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public MutableHttpResponse<?> logoutEverywhere(RequestPrincipal principal) {
        sessions.endAll(principal.userId());
        return HttpResponse.seeOther(URI.create("/login")).cookie(sessions.clearingCookie())
                .cookie(flash.cookie(Flash.Level.info, "You are logged out on every device."));
    }

    /** Only same-site relative paths are followed after login (no open redirects). */
    @Nullable
    static String safeNext(@Nullable String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.length() > 500) {
            return null;
        }
        return next;
    }

    private String address(HttpRequest<?> request) {
        String address = addresses.resolve(request);
        return address == null ? "unknown" : address;
    }

    private static String userAgent(HttpRequest<?> request) {
        return request.getHeaders().get("User-Agent");
    }
}
