package io.topograph.platform.tenancy;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.topograph.platform.web.NotFoundException;
import jakarta.inject.Singleton;

/**
 * Lets controllers declare {@code CurrentMember member}. A route that needs a member but has
 * none (a user in no organization, or no tenancy filter on that path) answers 404.
 */
@Singleton
public class CurrentMemberBinder implements TypedRequestArgumentBinder<CurrentMember> {

    @Override
    public Argument<CurrentMember> argumentType() {
        return Argument.of(CurrentMember.class);
    }

    @Override
    public BindingResult<CurrentMember> bind(ArgumentConversionContext<CurrentMember> context, HttpRequest<?> source) {
        CurrentMember member = source.getAttribute(TenancyFilter.ATTRIBUTE, CurrentMember.class)
                .orElseThrow(() -> new NotFoundException("Organization not found"));
        return () -> java.util.Optional.of(member);
    }
}
