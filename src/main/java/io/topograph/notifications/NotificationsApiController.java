package io.topograph.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.Paging;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** {@code /api/v1/notification-rules} and {@code /api/v1/notification-deliveries}: the notification pages as JSON (Owners and Admins). */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class NotificationsApiController {

    private final NotificationService notifications;

    public NotificationsApiController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Get("/notification-rules")
    public List<NotificationJson.Rule> list(CurrentMember member) {
        return notifications.list(member).stream().map(r -> NotificationJson.Rule.of(r, false)).toList();
    }

    /** The answer carries the webhook signing secret; later reads do not (the page can reveal it). */
    @Post("/notification-rules")
    public HttpResponse<NotificationJson.Rule> create(CurrentMember member, @Body NotificationJson.RuleInput input) {
        NotificationRule created = notifications.create(member, input.toForm());
        return HttpResponse.created(NotificationJson.Rule.of(created, true), URI.create("/api/v1/notification-rules/" + created.id()));
    }

    @Get("/notification-rules/{id}")
    public NotificationJson.Rule show(CurrentMember member, UUID id) {
        return NotificationJson.Rule.of(notifications.find(member, id), false);
    }

    @Put("/notification-rules/{id}")
    public NotificationJson.Rule update(CurrentMember member, UUID id, @Body NotificationJson.RuleInput input) {
        return NotificationJson.Rule.of(notifications.update(member, id, input.toForm()), false);
    }

    @Delete("/notification-rules/{id}")
    public HttpResponse<?> delete(CurrentMember member, UUID id) {
        notifications.delete(member, id);
        return HttpResponse.noContent();
    }

    @Post("/notification-rules/{id}/test")
    public HttpResponse<?> test(CurrentMember member, UUID id) {
        notifications.sendTest(member, id);
        return HttpResponse.accepted();
    }

    @Get("/notification-deliveries")
    public NotificationJson.DeliveryPage deliveries(CurrentMember member, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        Paging<Delivery> p = notifications.deliveries(member, page == null ? 1 : page, Paging.size(size));
        return new NotificationJson.DeliveryPage(p.items().stream().map(NotificationJson.Delivery::of).toList(), p.page(), p.size(), p.total());
    }

    @Post("/notification-deliveries/{id}/redeliver")
    public HttpResponse<?> redeliver(CurrentMember member, UUID id) {
        notifications.redeliver(member, id);
        return HttpResponse.accepted();
    }
}
