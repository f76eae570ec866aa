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
 * hosts page's latest-run strip), {@code host-discovery} (a host page's scan region),
 * {@code run-filters} (a history's filter form) and {@code run-history} (the organization-wide
 * history's list, which polls itself while a run on it is active).
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
    static final String HISTORY = "discovery/history";
    static final String HISTORY_LIST = "discovery/_history :: list";

    private DiscoveryViews() {
    }

    /**
     * The Discoveries tab of a network, also used for its list and form fragments.
     *
     * @param daemons the network's daemons; none means the form is replaced by "Add a daemon first"
     */
    record IndexPage(String slug, Network network, DiscoveryForm form, FormErrors errors,
                     List<DiscoveryRunStore.DaemonChoice> daemons, boolean hasDaemons, List<String> knownSubnets,
                     boolean canWrite, Paging<RunView> runs, String listUrl, RunFilter filter, FormErrors filterErrors,
                     String pagerUrl, List<Choice> states, List<Choice> triggers, List<Choice> daemonChoices,
                     List<Choice> networkChoices) {

        static IndexPage of(String slug, Network network, DiscoveryForm form, FormErrors errors,
                            List<DiscoveryRunStore.DaemonChoice> daemons, boolean canWrite, Paging<RunView> runs,
                            RunFilter filter, FormErrors filterErrors) {
            // "The daemon's subnets" scans these (of every enabled daemon when no daemon is chosen).
            List<String> subnets = daemons.stream().filter(d -> !d.disabled()).flatMap(d -> d.subnets().stream()).distinct().toList();
            String listUrl = "/o/" + slug + "/networks/" + network.id() + "/discoveries";
            return new IndexPage(slug, network, form, errors, daemons, !daemons.isEmpty(), subnets, canWrite, runs, listUrl,
                    filter, filterErrors, filter.url(listUrl), Choice.states(), Choice.triggers(),
                    daemons.stream().map(d -> new Choice(d.id().toString(), d.name())).toList(), List.of());
        }
    }

    /** An option of a filter's select. */
    record Choice(String value, String label) {

        static List<Choice> states() {
            return java.util.Arrays.stream(RunState.values()).map(s -> new Choice(s.name(), s.label())).toList();
        }

        static List<Choice> triggers() {
            return RunFilter.TRIGGERS.stream().map(t -> new Choice(t, RunView.triggerLabel(t))).toList();
        }
    }

    /**
     * The organization-wide run history (every network the member may see), also its list fragment.
     *
     * @param polling a run on the page is active: the list refreshes itself
     */
    record HistoryPage(String slug, Paging<RunView> runs, String listUrl, RunFilter filter, FormErrors filterErrors,
                       String pagerUrl, List<Choice> states, List<Choice> triggers, List<Choice> daemonChoices,
                       List<Choice> networkChoices, boolean polling, boolean canWrite) {

        static HistoryPage of(String slug, Paging<RunView> runs, RunFilter filter, FormErrors filterErrors, List<Network> networks,
                              boolean canWrite) {
            String listUrl = "/o/" + slug + "/discoveries";
            return new HistoryPage(slug, runs, listUrl, filter, filterErrors, filter.url(listUrl), Choice.states(), Choice.triggers(),
                    List.of(), networks.stream().map(n -> new Choice(n.id().toString(), n.name())).toList(),
                    runs.items().stream().anyMatch(RunView::active), canWrite);
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
