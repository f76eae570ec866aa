package io.topograph.discovery.definitions;

import java.util.UUID;

/**
 * The weekly schedule of a daemon's default definition, spread by the daemon id over the 2,520
 * minutes of the nights (00:00–05:59 UTC) of the week, so that many daemons enrolled together do
 * not all scan, and queue runs, in the same minute.
 */
final class DefaultSchedule {

    private DefaultSchedule() {
    }

    static String weeklyFor(UUID daemonId) {
        long slot = Math.floorMod(daemonId.getMostSignificantBits() ^ daemonId.getLeastSignificantBits(), 7L * 6 * 60);
        long minute = slot % 60;
        long hour = (slot / 60) % 6;
        long day = slot / 360;
        return minute + " " + hour + " * * " + day;
    }
}
