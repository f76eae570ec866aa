package io.topograph.daemons.api;

/** The timings the server hands to daemons (docs/daemon-protocol.md). */
public final class DaemonProtocol {

    public static final int HEARTBEAT_SECONDS = 30;
    /** A daemon's lease; also how long without a heartbeat until it is shown offline. */
    public static final int LEASE_SECONDS = 90;
    /** How long a cancelled run keeps being named in {@code cancelRunIds}. */
    public static final int CANCEL_NOTICE_SECONDS = 600;
    public static final int SUBNETS_MAX = 256;

    private DaemonProtocol() {
    }
}
