package io.topograph.discovery;

import io.micronaut.core.annotation.Nullable;
import io.topograph.networks.Network;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.Paging;

import java.util.List;
import java.util.UUID;

/**
 * View names and typed view models of the discovery pages. DOM ids used by htmx:
 * {@code discovery-form} (Scan now form), {@code discovery-list} (the runs table and pager),
 * {@code discovery-<id>} (a run's row), {@code discovery-run} (the run page's details),
 * {@code discovery-progress} (its self-polling progress region), {@code discovery-strip} (the
 * hosts page's latest-run strip) and {@code host-discovery} (a host page's scan region).
 */
final class DiscoveryViews {

    static final String INDEX = "discovery/index";
    static final String LIST = "discovery/_list :: list";
    static final String FORM = "discovery/_form :: form";
    static final String ROW = "discovery/_row :: row";
    static final String RUN = "discovery/run";
    static final String RUN_REGION = "discovery/_run :: run";
    static final String PROGRESS = "discovery/_progress :: progress";
    static final String STRIP = "discovery/_strip :: strip";
    static final String HOST_SCAN = "discovery/_host_scan :: latest";

    private DiscoveryViews() {
    }

    /**
     * The Discoveries tab of a network, also used for its list and form fragments.
     *
     * @param daemons the network's daemons; none means the form is replaced by "Add a daemon first"
     */
    record IndexPage(String slug, Network network, DiscoveryForm form, FormErrors errors,
                     List<DiscoveryRunStore.DaemonChoice> daemons, boolean hasDaemons, List<String> knownSubnets,
                     boolean canWrite, Paging<RunView> runs, String listUrl) {

        static IndexPage of(String slug, Network network, DiscoveryForm form, FormErrors errors,
                            List<DiscoveryRunStore.DaemonChoice> daemons, boolean canWrite, Paging<RunView> runs) {
            // "The daemon's subnets" scans these (of every enabled daemon when no daemon is chosen).
            List<String> subnets = daemons.stream().filter(d -> !d.disabled()).flatMap(d -> d.subnets().stream()).distinct().toList();
            return new IndexPage(slug, network, form, errors, daemons, !daemons.isEmpty(), subnets, canWrite, runs,
                    "/o/" + slug + "/networks/" + network.id() + "/discoveries");
        }
    }

    /** One run's row alone (its self-polling refresh). */
    record RowView(String slug, RunView run, boolean canWrite) {
    }

    /** A run's page, also used for its details region and progress fragment. */
    record RunPage(String slug, Network network, RunView run, boolean canWrite) {
    }

    /** The latest-run strip on a network's hosts page; {@code run} is null when the network never had one. */
    record StripView(String slug, UUID networkId, @Nullable RunView run) {
    }

    /** A host page's scan region; {@code error} explains a refused Scan now. */
    record HostScanView(String slug, UUID hostId, @Nullable RunView run, boolean canWrite, @Nullable String error) {
    }
}
