package io.topograph.platform.persistence;

import java.util.UUID;

/**
 * The transaction-scoped advisory lock that serializes work on one network's inventory: merging
 * a result batch, and judging a completed run's changes. Both take it with
 * {@code select pg_advisory_xact_lock(NAMESPACE, key(organization, network))}.
 */
public final class NetworkMergeLock {

    public static final int NAMESPACE = 0x7E57_1A6E;
    public static final String SQL = "select pg_advisory_xact_lock(?, ?)";

    private NetworkMergeLock() {
    }

    public static int key(UUID organizationId, UUID networkId) {
        return Long.hashCode(networkId.getMostSignificantBits() ^ networkId.getLeastSignificantBits()) ^ organizationId.hashCode();
    }
}
