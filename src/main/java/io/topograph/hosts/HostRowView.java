package io.topograph.hosts;

import io.micronaut.core.annotation.Nullable;
import io.topograph.tags.TagRef;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A host row as the table draws it. Display values are computed here once, so the row
 * template (drawn 50 times per page) reads plain components instead of evaluating
 * conditions and method calls per cell.
 *
 * @param domId           the row's element id
 * @param url             the host's page
 * @param mainIp          the main address, or a dash
 * @param categories      the service categories, at most {@link #SHOWN_CATEGORIES} then "+n", as one text
 * @param hideValue       what the row's hide/show button sets {@code hidden} to
 */
public record HostRowView(UUID id, String domId, String url, String editUrl, String visibilityUrl, String name, @Nullable String hostname, boolean hidden, String mainIp, String mac,
                          long serviceCount, String categories, List<Chip> tags,
                          String lastSeen, String lastSeenExact, String firstSeen, String firstSeenExact,
                          String hideValue, String hideLabel, String hideTitle, String hideIcon, String hideVals,
                          String presenceLabel, String presenceBadge, String presenceTitle) {

    static final int SHOWN_CATEGORIES = 3;
    private static final String NONE = "—";

    /** A tag chip with its inline style ready. */
    public record Chip(String name, String style) {
        static Chip of(TagRef tag) {
            return new Chip(tag.name(), "background-color:" + tag.color() + ";color:" + tag.textColor());
        }
    }

    static HostRowView of(HostRow r, String hostUrlPrefix, Instant now) {
        int n = r.categories().size();
        String url = hostUrlPrefix + r.id();
        return new HostRowView(r.id(), "host-" + r.id(), url, url + "/edit", url + "/visibility", r.name(), r.hostname(), r.hidden(),
                r.mainIp() == null ? NONE : r.mainIp(), r.mac() == null ? NONE : r.mac(), r.serviceCount(),
                String.join(" · ", n > SHOWN_CATEGORIES ? r.categories().subList(0, SHOWN_CATEGORIES) : r.categories())
                        + (n > SHOWN_CATEGORIES ? " +" + (n - SHOWN_CATEGORIES) : ""),
                r.tags().stream().map(Chip::of).toList(),
                Ago.relative(r.lastSeen(), now), Ago.exact(r.lastSeen()), Ago.relative(r.firstSeen(), now), Ago.exact(r.firstSeen()),
                r.hidden() ? "false" : "true", r.hidden() ? "Unhide" : "Hide",
                r.hidden() ? "Show in the list again" : "Hide from the list", r.hidden() ? "bi-eye" : "bi-eye-slash",
                "{\"hidden\":\"" + (r.hidden() ? "false" : "true") + "\",\"from\":\"row\"}",
                r.presence().label(), r.presence().badge(), r.presence().title());
    }
}
