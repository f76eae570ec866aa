package io.topograph.topology.build;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.platform.persistence.Sql;
import io.topograph.platform.web.NotFoundException;
import io.topograph.platform.web.ValidationException;
import io.topograph.topology.graph.SubnetKind;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * A person's choice of a subnet's kind, which every later guess leaves alone; choosing none
 * ("guess") hands the subnet back to {@link SubnetKinds}. The subnet is reached through its
 * organization and network (else 404); a kind that is not a {@link SubnetKind} is refused (422).
 */
@Singleton
public class SubnetKindService {

    private final Sql sql;

    public SubnetKindService(Sql sql) {
        this.sql = sql;
    }

    /** Sets the kind ({@code SubnetKind} name, any case); null or blank: guess it again. Answers the kind stored, or null when guessed. */
    @Nullable
    @Transactional
    public SubnetKind chooseKind(UUID organizationId, UUID networkId, UUID subnetId, @Nullable String kind) {
        SubnetKind chosen = null;
        if (kind != null && !kind.isBlank()) {
            try {
                chosen = SubnetKind.valueOf(kind.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                throw ValidationException.of("kind", "Choose one of " + String.join(", ", Arrays.stream(SubnetKind.values())
                        .map(SubnetKind::name).toList()) + ", or none to guess it.");
            }
        }
        int updated = chosen == null
                ? sql.update("update subnets set kind_chosen = false where organization_id = ? and network_id = ? and id = ?",
                organizationId, networkId, subnetId)
                : sql.update("update subnets set kind = ?, kind_chosen = true where organization_id = ? and network_id = ? and id = ?",
                chosen.name(), organizationId, networkId, subnetId);
        if (updated == 0) {
            throw new NotFoundException("Subnet not found");
        }
        return chosen;
    }
}
