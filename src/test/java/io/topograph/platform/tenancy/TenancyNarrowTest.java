package io.topograph.platform.tenancy;

import io.topograph.platform.security.RequestPrincipal;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An API key only ever narrows its user's rights: role and networks. */
class TenancyNarrowTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID C = UUID.randomUUID();

    private static CurrentMember member(Role role, Set<UUID> networks) {
        return new CurrentMember(ORG, "acme", "Acme", UUID.randomUUID(), UUID.randomUUID(), role, role.seesAllNetworks(), networks, null);
    }

    private static RequestPrincipal.ApiKeyGrant key(Role role, boolean all, Set<UUID> networks) {
        return new RequestPrincipal.ApiKeyGrant(UUID.randomUUID(), ORG, role, all, networks);
    }

    @Test
    void an_unscoped_key_of_an_owner_sees_every_network_with_its_own_role() {
        CurrentMember m = TenancyFilter.narrow(member(Role.OWNER, Set.of()), key(Role.VIEWER, true, Set.of()));
        assertThat(m.allNetworks()).isTrue();
        assertThat(m.role()).isEqualTo(Role.VIEWER);
        assertThat(m.canSee(C)).isTrue();
        assertThat(m.apiKeyId()).isNotNull();
    }

    @Test
    void a_scoped_key_of_an_admin_sees_only_its_networks() {
        CurrentMember m = TenancyFilter.narrow(member(Role.ADMIN, Set.of()), key(Role.ADMIN, false, Set.of(A)));
        assertThat(m.allNetworks()).isFalse();
        assertThat(m.canSee(A)).isTrue();
        assertThat(m.canSee(B)).isFalse();
    }

    @Test
    void an_unscoped_key_of_a_member_sees_the_members_networks() {
        CurrentMember m = TenancyFilter.narrow(member(Role.MEMBER, Set.of(A, B)), key(Role.MEMBER, true, Set.of()));
        assertThat(m.networkIds()).containsExactlyInAnyOrder(A, B);
        assertThat(m.allNetworks()).isFalse();
    }

    @Test
    void a_scoped_key_of_a_member_sees_the_intersection() {
        CurrentMember m = TenancyFilter.narrow(member(Role.MEMBER, Set.of(A, B)), key(Role.MEMBER, false, Set.of(B, C)));
        assertThat(m.networkIds()).containsExactly(B);
    }

    @Test
    void a_scoped_key_whose_networks_are_gone_sees_nothing() {
        CurrentMember m = TenancyFilter.narrow(member(Role.OWNER, Set.of()), key(Role.OWNER, false, Set.of()));
        assertThat(m.allNetworks()).isFalse();
        assertThat(m.canSee(A)).isFalse();
    }

    @Test
    void the_role_is_the_weaker_of_key_and_user() {
        assertThat(TenancyFilter.narrow(member(Role.VIEWER, Set.of()), key(Role.OWNER, true, Set.of())).role()).isEqualTo(Role.VIEWER);
        assertThat(TenancyFilter.narrow(member(Role.ADMIN, Set.of()), key(Role.MEMBER, true, Set.of())).role()).isEqualTo(Role.MEMBER);
    }
}
