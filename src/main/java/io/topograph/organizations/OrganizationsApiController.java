package io.topograph.organizations;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.topograph.platform.security.RequestPrincipal;
import io.topograph.platform.tenancy.CurrentMember;

import java.util.List;

/** {@code /api/v1/organizations} and {@code /api/v1/organization}: where the caller is a member. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class OrganizationsApiController {

    private final OrganizationService organizations;

    public OrganizationsApiController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @Get("/organizations")
    public List<OrganizationInfo> list(RequestPrincipal principal) {
        return organizations.listFor(principal);
    }

    /** The organization this request acts in: the key's, or the session's current one. */
    @Get("/organization")
    public OrganizationInfo current(CurrentMember member) {
        return new OrganizationInfo(member.organizationId(), member.organizationName(), member.organizationSlug(), member.role());
    }
}
