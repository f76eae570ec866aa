package io.topograph.hosts;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.tags.TagRef;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One host in a list: its main address (the lowest IP, IPv4 before IPv6) with that
 * interface's MAC, how many services it runs and in which categories, its tags, and whether
 * discovery sees it now ({@link Presence}).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HostRow(UUID id, UUID networkId, String name, @Nullable String hostname, String source, boolean hidden,
                      @Nullable String mainIp, @Nullable String mac, long serviceCount, List<String> categories,
                      List<TagRef> tags, Instant firstSeen, Instant lastSeen, Presence presence) implements Seen {

    /** A row whose presence is not known (UNKNOWN). */
    public HostRow(UUID id, UUID networkId, String name, @Nullable String hostname, String source, boolean hidden,
                   @Nullable String mainIp, @Nullable String mac, long serviceCount, List<String> categories,
                   List<TagRef> tags, Instant firstSeen, Instant lastSeen) {
        this(id, networkId, name, hostname, source, hidden, mainIp, mac, serviceCount, categories, tags, firstSeen, lastSeen,
                Presence.UNKNOWN);
    }
}
