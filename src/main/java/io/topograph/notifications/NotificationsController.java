package io.topograph.notifications;

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
import io.micronaut.views.ModelAndView;
import io.topograph.networks.Network;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.Flash;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.Htmx;
import io.topograph.platform.web.HtmxEvents;
import io.topograph.platform.web.ValidationException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Notification rules and the weekly digest option, for Owners and Admins. Every action works as
 * a plain form post (303) and, with htmx, swaps only the region that changed.
 */
@Controller(value = "/o/{slug}/notifications", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class NotificationsController {

    private final NotificationService notifications;
    private final Flash flash;

    public NotificationsController(NotificationService notifications, Flash flash) {
        this.notifications = notifications;
        this.flash = flash;
    }

    @Get
    public ModelAndView<?> index(HttpRequest<?> request, CurrentMember member) {
        return new ModelAndView<>(Htmx.isFragmentRequest(request) ? NotificationViews.RULES : NotificationViews.INDEX,
                indexPage(member, notifications.digest(member), FormErrors.none()));
    }

    @Get("/rules/new")
    public ModelAndView<?> newRule(CurrentMember member) {
        return new ModelAndView<>(NotificationViews.NEW, formPage(member, null, RuleForm.empty(), FormErrors.none(), null));
    }

    @Post(value = "/rules", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> create(HttpRequest<?> request, CurrentMember member, @Body RuleForm form) {
        NotificationRule created;
        try {
            created = notifications.create(member, form);
        } catch (ValidationException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(
                    Htmx.isFragmentRequest(request) ? NotificationViews.FORM : NotificationViews.NEW,
                    formPage(member, null, form, e.errors(), null)));
        }
        boolean webhook = created.channel() == NotificationChannel.WEBHOOK;
        String next = webhook ? ruleUrl(member, created.id()) + "/secret" : listUrl(member);
        String text = "Rule “" + created.name() + "” created." + (webhook ? " Copy its signing secret now." : "");
        return goTo(request, next, text);
    }

    @Get("/rules/{id}/edit")
    public ModelAndView<?> edit(HttpRequest<?> request, CurrentMember member, UUID id) {
        NotificationRule rule = notifications.find(member, id);
        return new ModelAndView<>(Htmx.isFragmentRequest(request) ? NotificationViews.FORM : NotificationViews.EDIT,
                formPage(member, rule, RuleForm.of(rule), FormErrors.none(), null));
    }

    @Post(value = "/rules/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> update(HttpRequest<?> request, CurrentMember member, UUID id, @Body RuleForm form) {
        NotificationRule existing = notifications.find(member, id);
        NotificationRule saved;
        try {
            saved = notifications.update(member, id, form);
        } catch (ValidationException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(
                    Htmx.isFragmentRequest(request) ? NotificationViews.FORM : NotificationViews.EDIT,
                    formPage(member, existing, form, e.errors(), null)));
        }
        return goTo(request, listUrl(member), "Rule “" + saved.name() + "” saved.");
    }

    /** The signing secret in full: the fragment for htmx, else the edit page with it shown. */
    @Get("/rules/{id}/secret")
    public ModelAndView<?> secret(HttpRequest<?> request, CurrentMember member, UUID id) {
        NotificationRule rule = notifications.find(member, id);
        if (Htmx.isFragmentRequest(request)) {
            return new ModelAndView<>(NotificationViews.SECRET, new NotificationViews.SecretView(member.organizationSlug(), id,
                    hint(rule), rule.webhookSecret()));
        }
        return new ModelAndView<>(NotificationViews.EDIT, formPage(member, rule, RuleForm.of(rule), FormErrors.none(), rule.webhookSecret()));
    }

    /** Replaces the signing secret; the new one is shown once here and stays revealable to Owners and Admins. */
    @Post(value = "/rules/{id}/secret", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> rotate(HttpRequest<?> request, CurrentMember member, UUID id) {
        NotificationRule rule = notifications.rotateSecret(member, id);
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(NotificationViews.SECRET,
                        new NotificationViews.SecretView(member.organizationSlug(), id, hint(rule), rule.webhookSecret()))),
                ruleUrl(member, id) + "/secret", "New signing secret for “" + rule.name() + "”. Update your receiver.");
    }

    @Post(value = "/rules/{id}/test", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> test(HttpRequest<?> request, CurrentMember member, UUID id) {
        NotificationRule rule = notifications.sendTest(member, id);
        return flash.done(request, HttpResponse.ok("").contentType(MediaType.TEXT_HTML_TYPE), listUrl(member) + "/deliveries",
                "Test event queued for “" + rule.name() + "”: see the delivery log.", HtmxEvents.NOTIFICATION_DELIVERIES_CHANGED);
    }

    /** The confirmation page for browsers without JavaScript (htmx asks with hx-confirm). */
    @Get("/rules/{id}/delete")
    public ModelAndView<?> confirmDelete(CurrentMember member, UUID id) {
        NotificationRule rule = notifications.find(member, id);
        return new ModelAndView<>(NotificationViews.DELETE, new NotificationViews.DeletePage(member.organizationSlug(),
                NotificationViews.RuleRow.of(rule, NotificationViews.names(notifications.networks(member)))));
    }

    @Post(value = "/rules/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> delete(HttpRequest<?> request, CurrentMember member, UUID id) {
        NotificationRule deleted = notifications.delete(member, id);
        return flash.done(request, HttpResponse.ok("").contentType(MediaType.TEXT_HTML_TYPE), listUrl(member),
                "Rule “" + deleted.name() + "” deleted.", HtmxEvents.NOTIFICATION_RULES_CHANGED);
    }

    @Post(value = "/digest", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> saveDigest(HttpRequest<?> request, CurrentMember member, @Body DigestForm form) {
        DigestForm.Valid saved;
        try {
            saved = notifications.saveDigest(member, form);
        } catch (ValidationException e) {
            if (Htmx.isFragmentRequest(request)) {
                return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(NotificationViews.DIGEST,
                        new NotificationViews.DigestView(member.organizationSlug(), form, e.errors())));
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(NotificationViews.INDEX,
                    indexPage(member, form, e.errors())));
        }
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(NotificationViews.DIGEST,
                        new NotificationViews.DigestView(member.organizationSlug(), notifications.digest(member), FormErrors.none()))),
                listUrl(member), saved.enabled() ? "Weekly digest turned on." : "Weekly digest turned off.");
    }

    private MutableHttpResponse<?> goTo(HttpRequest<?> request, String location, String text) {
        if (Htmx.isFragmentRequest(request)) {
            // A full navigation: the page it lands on shows the flash message.
            return HttpResponse.ok("").contentType(MediaType.TEXT_HTML_TYPE).header(Htmx.REDIRECT, location)
                    .cookie(flash.cookie(Flash.Level.success, text));
        }
        return flash.redirect(location, Flash.Level.success, text);
    }

    private NotificationViews.IndexPage indexPage(CurrentMember member, DigestForm digest, FormErrors digestErrors) {
        Map<UUID, String> names = NotificationViews.names(notifications.networks(member));
        List<NotificationViews.RuleRow> rows = notifications.list(member).stream()
                .map(r -> NotificationViews.RuleRow.of(r, names)).toList();
        return new NotificationViews.IndexPage(member.organizationSlug(), rows, digest, digestErrors);
    }

    private NotificationViews.FormPage formPage(CurrentMember member, @Nullable NotificationRule rule, RuleForm form,
                                                FormErrors errors, @Nullable String secret) {
        List<Network> networks = notifications.networks(member);
        return new NotificationViews.FormPage(member.organizationSlug(), rule == null ? null : rule.id(), form, errors,
                NotificationViews.FormFields.of(form, networks, notifications.hosted()), rule == null ? null : hint(rule), secret);
    }

    @Nullable
    private static String hint(NotificationRule rule) {
        String s = rule.webhookSecret();
        return s == null ? null : s.substring(0, Math.min(s.length(), WebhookSigner.SECRET_PREFIX.length() + 4)) + "…";
    }

    private static String listUrl(CurrentMember member) {
        return "/o/" + member.organizationSlug() + "/notifications";
    }

    private static String ruleUrl(CurrentMember member, UUID id) {
        return listUrl(member) + "/rules/" + id;
    }
}
