package io.topograph.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.Flash;
import io.topograph.platform.web.Htmx;
import io.topograph.platform.web.HtmxEvents;
import io.topograph.platform.web.Paging;

import java.util.UUID;

/** The delivery log of an organization: status, attempts, last answer, next attempt; redeliver. */
@Controller(value = "/o/{slug}/notifications/deliveries", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DeliveriesController {

    private final NotificationService notifications;
    private final Flash flash;

    public DeliveriesController(NotificationService notifications, Flash flash) {
        this.notifications = notifications;
        this.flash = flash;
    }

    @Get
    public ModelAndView<?> index(HttpRequest<?> request, CurrentMember member, @Nullable @QueryValue Integer page) {
        return new ModelAndView<>(Htmx.isFragmentRequest(request) ? NotificationViews.DELIVERY_LIST : NotificationViews.DELIVERIES,
                page(member, page == null ? 1 : page));
    }

    @Post(value = "/{id}/redeliver", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> redeliver(HttpRequest<?> request, CurrentMember member, UUID id) {
        Delivery d = notifications.redeliver(member, id);
        return flash.done(request, HttpResponse.ok(new ModelAndView<>(NotificationViews.DELIVERY_LIST, page(member, 1))),
                url(member), "Delivery to " + d.target() + " queued again.", HtmxEvents.NOTIFICATION_DELIVERIES_CHANGED);
    }

    private NotificationViews.DeliveriesPage page(CurrentMember member, int page) {
        Paging<Delivery> deliveries = notifications.deliveries(member, page, Paging.DEFAULT_SIZE);
        Paging<NotificationViews.DeliveryRow> rows = new Paging<>(deliveries.items().stream().map(NotificationViews.DeliveryRow::of).toList(),
                deliveries.page(), deliveries.size(), deliveries.total());
        return new NotificationViews.DeliveriesPage(member.organizationSlug(), rows, url(member));
    }

    private static String url(CurrentMember member) {
        return "/o/" + member.organizationSlug() + "/notifications/deliveries";
    }
}
