package io.topograph.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.DefaultViewsModelDecorator;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsModelDecorator;
import io.topograph.platform.mail.Mailer;
import io.topograph.platform.security.CsrfFilter;
import io.topograph.platform.security.RequestPrincipal;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.tenancy.TenancyFilter;
import jakarta.inject.Singleton;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every view gets two variables: {@code page}, the controller's typed view model, and
 * {@code layout}, a {@link LayoutModel} for the shared layouts. Controllers stay unaware of
 * the chrome around their page.
 */
@Singleton
@Replaces(DefaultViewsModelDecorator.class)
public class LayoutModelDecorator implements ViewsModelDecorator {

    private final LayoutDirectory directory;
    private final Flash flash;
    private final Mailer mailer;
    private final WebjarVersions webjars;

    public LayoutModelDecorator(LayoutDirectory directory, Flash flash, Mailer mailer, WebjarVersions webjars) {
        this.directory = directory;
        this.flash = flash;
        this.mailer = mailer;
        this.webjars = webjars;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void decorate(HttpRequest<?> request, ModelAndView<?> modelAndView) {
        Object page = modelAndView.getModel().orElse(null);
        Map<String, Object> model = new HashMap<>();
        if (page instanceof Map<?, ?> map && map.containsKey("layout")) {
            return; // already decorated (error pages rendered directly)
        }
        model.put("page", page);
        if (page != null && page.getClass().isRecord()) {
            // Record components become top-level variables, so a fragment reads the same names
            // whether it is rendered inside its page or alone as an htmx response.
            for (RecordComponent component : page.getClass().getRecordComponents()) {
                try {
                    var accessor = component.getAccessor();
                    accessor.setAccessible(true); // view models are package-private records
                    model.put(component.getName(), accessor.invoke(page));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        model.put("layout", layoutFor(request));
        ((ModelAndView) modelAndView).setModel(model);
    }

    public LayoutModel layoutFor(HttpRequest<?> request) {
        RequestPrincipal principal = request.getAttribute(RequestPrincipal.ATTRIBUTE, RequestPrincipal.class).orElse(null);
        CurrentMember member = request.getAttribute(TenancyFilter.ATTRIBUTE, CurrentMember.class).orElse(null);
        LayoutModel.User user = principal == null ? null : new LayoutModel.User(principal.name(), principal.email());
        List<LayoutModel.Organization> organizations = principal == null || Htmx.isFragmentRequest(request)
                ? List.of() : directory.organizationsOf(principal.userId());
        LayoutModel.Organization current = member == null ? null : new LayoutModel.Organization(
                member.organizationName(), member.organizationSlug(), member.role().label(),
                member.canWrite(), member.canManageMembers(), member.isOwner());
        String csrf = request.getAttribute(CsrfFilter.ATTRIBUTE, String.class).orElse("");
        Flash.Message message = Htmx.isFragmentRequest(request) ? null : flash.read(request);
        return new LayoutModel(user, current, organizations, csrf, message, mailer.isDevMailbox(),
                webjars.htmx(), webjars.bootstrap(), webjars.bootstrapIcons());
    }
}
