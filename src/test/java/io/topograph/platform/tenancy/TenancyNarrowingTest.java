package io.topograph.platform.tenancy;

import io.topograph.platform.security.RequestPrincipal;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TenancyNarrowingTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();

    private static CurrentMember member(Role role, boolean all, Set<UUID> networks) {
        return new CurrentMember(ORG, "org", "Org", UUID.randomUUID(), UUID.randomUUID(), role, all, networks, null);
    }

    private static RequestPrincipal.ApiKeyGrant key(Role role, Set<UUID> networks) {
        return new RequestPrincipal.ApiKeyGrant(UUID.randomUUID(), ORG, role, networks);
    }

    @Test
    void a_key_never_acts_with_more_than_its_users_role() {
        assertThat(TenancyFilter.narrow(member(Role.MEMBER, false, Set.of(A)), key(Role.OWNER, Set.of())).role()).isEqualTo(Role.MEMBER);
        assertThat(TenancyFilter.narrow(member(Role.OWNER, true, Set.of()), key(Role.VIEWER, Set.of())).role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void a_scoped_key_sees_only_the_networks_in_both_its_scope_and_its_users_access() {
        CurrentMember owner = TenancyFilter.narrow(member(Role.OWNER, true, Set.of()), key(Role.OWNER, Set.of(A)));
        assertThat(owner.allNetworks()).isFalse();
        assertThat(owner.canSee(A)).isTrue();
        assertThat(owner.canSee(B)).isFalse();
        CurrentMember restricted = TenancyFilter.narrow(member(Role.MEMBER, false, Set.of(B)), key(Role.MEMBER, Set.of(A, B)));
        assertThat(restricted.networkIds()).containsExactly(B);
    }

    @Test
    void an_unscoped_key_keeps_its_users_network_access() {
        assertThat(TenancyFilter.narrow(member(Role.ADMIN, true, Set.of()), key(Role.MEMBER, Set.of())).allNetworks()).isTrue();
        CurrentMember m = TenancyFilter.narrow(member(Role.VIEWER, false, Set.of(A)), key(Role.VIEWER, Set.of()));
        assertThat(m.canSee(A)).isTrue();
        assertThat(m.canSee(B)).isFalse();
    }
}
