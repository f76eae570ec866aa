package io.topograph.daemons;

import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.web.ForbiddenException;

/** Who may change daemons: Owners and Admins. Everyone who can see a network sees its daemons. */
public final class DaemonAccess {

    private DaemonAccess() {
    }

    public static boolean canManage(CurrentMember member) {
        return member.role().seesAllNetworks() && member.canWrite();
    }

    public static void requireManage(CurrentMember member) {
        if (!canManage(member)) {
            throw new ForbiddenException("Only Owners and Admins can add and manage daemons.");
        }
    }
}
