package io.topograph.discovery;

import io.micronaut.core.annotation.Nullable;
import io.topograph.hosts.Ago;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A run as the pages show it: every text ready, so templates only print. Built from a
 * {@link DiscoveryRun} at one instant ({@code now}) so durations and "ago" agree on a page.
 */
public record RunView(UUID id, UUID networkId, @Nullable UUID hostId, @Nullable String hostName, RunState state,
                      String phaseLabel, int percent, int hostsFound, List<String> targets, String ports, String portsLabel,
                      String triggerLabel, String requestedBy, String daemonLabel, int attempt, int maxAttempts,
                      String created, String createdExact, String started, String startedExact, String finishedExact,
                      String duration, @Nullable String failureReason, List<String> warnings, List<Stat> stats,
                      boolean waitingForDaemon, String url, String domId, long portsProbed, @Nullable Integer portsOpen,
                      @Nullable Integer servicesFound, String networkName, String networkUrl) {

    /** One line of the daemon's statistics. */
    public record Stat(String name, String value) {
    }

    public static RunView of(DiscoveryRun r, String slug, List<Stat> stats, Instant now) {
        String daemon = r.claimedByName() != null ? r.claimedByName()
                : r.daemonName() != null ? r.daemonName() : "any daemon";
        return new RunView(r.id(), r.networkId(), r.hostId(), r.hostName(), r.state(), phaseLabel(r), r.percent(), r.hostsFound(),
                r.targets(), r.ports(), portsLabel(r.ports()), triggerLabel(r.trigger()),
                r.requestedByName() != null ? r.requestedByName() : (r.trigger().equals("SCHEDULED") ? "schedule" : "—"),
                daemon, r.attempt(), r.maxAttempts(), Ago.relative(r.createdAt(), now), Ago.exact(r.createdAt()),
                r.startedAt() == null ? "not yet" : Ago.relative(r.startedAt(), now), Ago.exact(r.startedAt()),
                Ago.exact(r.finishedAt()), duration(r, now), r.failureReason(), r.warnings(), stats,
                r.state() == RunState.QUEUED && !r.daemonAvailable(),
                "/o/" + slug + "/discoveries/" + r.id(), domId(r.id()), r.portsProbed(), r.portsOpen(), r.servicesFound(),
                r.networkName(), "/o/" + slug + "/networks/" + r.networkId() + "/discoveries");
    }

    public static String domId(UUID runId) {
        return "discovery-" + runId;
    }

    public boolean active() {
        return state.active();
    }

    public boolean cancellable() {
        return state.active();
    }

    /** The bar's width: full when finished, whatever was reached otherwise. */
    public int barPercent() {
        return state == RunState.SUCCEEDED ? 100 : percent;
    }

    /** Bootstrap classes of the progress bar. */
    public String barClass() {
        return switch (state) {
            case QUEUED -> "bg-secondary progress-bar-striped";
            case RUNNING -> "progress-bar-striped progress-bar-animated";
            case SUCCEEDED -> "bg-success";
            case FAILED -> "bg-danger";
            case CANCELLED -> "bg-warning";
            case TIMED_OUT -> "bg-dark";
        };
    }

    /** One line under the bar: what is happening now, or how it ended. */
    public String statusText() {
        return switch (state) {
            case QUEUED -> waitingForDaemon ? "Queued · waiting for a daemon (none of this network's daemons is online)"
                    : attempt > 0 ? "Queued again after attempt " + attempt + " · waiting to be picked up" : "Queued · waiting to be picked up";
            case RUNNING -> phaseLabel + " · " + percent + "%";
            case SUCCEEDED -> "Finished · " + hostsFound + (hostsFound == 1 ? " host" : " hosts") + " found";
            case FAILED -> "Failed" + (failureReason == null ? "" : ": " + failureReason);
            case CANCELLED -> "Cancelled";
            case TIMED_OUT -> "Timed out" + (failureReason == null ? "" : ": " + failureReason);
        };
    }

    /** "1,234" for counts shown on pages. */
    public String portsProbedText() {
        return String.format(java.util.Locale.ROOT, "%,d", portsProbed);
    }

    /** Open ports and services once the run succeeded ("—" before). */
    public String portsOpenText() {
        return portsOpen == null ? "—" : String.valueOf(portsOpen);
    }

    public String servicesFoundText() {
        return servicesFound == null ? "—" : String.valueOf(servicesFound);
    }

    /** The heading above the reason a run ended without results. */
    public String failureHeading() {
        return state == RunState.TIMED_OUT ? "Why it timed out" : "Why it failed";
    }

    public String targetsText() {
        return String.join(", ", targets);
    }

    /** A short form of the targets for tables. */
    public String targetsShort() {
        return shortList(targets);
    }

    /** The first three entries, and how many more. */
    static String shortList(List<String> entries) {
        if (entries.size() <= 3) {
            return String.join(", ", entries);
        }
        return String.join(", ", entries.subList(0, 3)) + " and " + (entries.size() - 3) + " more";
    }

    private static String phaseLabel(DiscoveryRun r) {
        if (r.state() == RunState.QUEUED) {
            return "Waiting";
        }
        return RunPhase.parse(r.phase()).map(RunPhase::label).orElse(r.state() == RunState.RUNNING ? "Starting" : "—");
    }

    static String portsLabel(String ports) {
        return switch (ports) {
            case "top100" -> "Top 100 ports";
            case "top1000" -> "Top 1000 ports";
            case "all" -> "All ports";
            default -> "Ports " + ports;
        };
    }

    static String triggerLabel(String trigger) {
        return switch (trigger) {
            case "MANUAL" -> "Scan now";
            case "SCHEDULED" -> "Schedule";
            case "FIRST_RUN" -> "First run";
            case "API" -> "API";
            default -> trigger;
        };
    }

    static String duration(DiscoveryRun r, Instant now) {
        if (r.startedAt() == null) {
            return "—";
        }
        Instant end = r.finishedAt() != null ? r.finishedAt() : now;
        Duration d = Duration.between(r.startedAt(), end);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
