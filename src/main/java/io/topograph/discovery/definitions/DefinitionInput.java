package io.topograph.discovery.definitions;

import io.micronaut.core.annotation.Nullable;
import io.topograph.discovery.DiscoveryForm;
import io.topograph.discovery.DiscoveryRunStore;
import io.topograph.discovery.RunOptions;
import io.topograph.platform.daemonjar.DaemonLibrary;
import io.topograph.platform.web.FormErrors;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A definition as the page form or the API sends it, before any check. {@code schedule} is
 * {@code cron}, {@code interval} or {@code manual}. Field names of errors are the API's
 * ({@code name, daemonId, targets, exclude, ports, cron, timezone, intervalSeconds}); the page
 * form uses the same names.
 */
public record DefinitionInput(@Nullable String name, @Nullable String daemonId, List<String> targets, List<String> exclude,
                              @Nullable String ports, String schedule, @Nullable String cron, @Nullable String timezone,
                              @Nullable Long intervalSeconds, boolean enabled, boolean udp, boolean printerPorts) {

    public static final int NAME_MAX = 100;
    public static final int MIN_INTERVAL_SECONDS = 300;
    public static final int MAX_INTERVAL_SECONDS = 31_622_400;
    public static final String CRON = "cron";
    public static final String INTERVAL = "interval";
    public static final String MANUAL = "manual";

    /** Checks every field (adding a sentence per bad field) and returns the row to store when all are fine. */
    Optional<DefinitionStore.Row> check(DaemonLibrary rules, FormErrors errors, List<DiscoveryRunStore.DaemonChoice> daemons) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            errors.add("name", "Give the definition a name, for example “Nightly office scan”.");
        } else if (n.length() > NAME_MAX) {
            errors.add("name", "Use at most " + NAME_MAX + " characters (this has " + n.length() + ").");
        }
        DiscoveryRunStore.DaemonChoice daemon = null;
        if (daemonId != null && !daemonId.isBlank()) {
            Optional<DiscoveryRunStore.DaemonChoice> found = Optional.empty();
            try {
                UUID id = UUID.fromString(daemonId.trim());
                found = daemons.stream().filter(d -> d.id().equals(id)).findFirst();
            } catch (IllegalArgumentException e) {
                // reported below
            }
            if (found.isEmpty()) {
                errors.add("daemonId", "Choose one of this network's daemons, or any daemon.");
            } else if (found.get().disabled()) {
                errors.add("daemonId", "The daemon “" + found.get().name() + "” is disabled: enable it or choose another one.");
            } else {
                daemon = found.get();
            }
        }
        List<String> t = entries(rules, errors, "targets", targets);
        List<String> x = entries(rules, errors, "exclude", exclude);
        if (x != null) {
            for (String e : x) {
                if (!TargetRanges.understood(e)) {
                    errors.add("exclude", "“" + e + "” cannot be excluded: use IPv4 addresses, CIDRs or ranges, or IPv6 addresses.");
                    x = null;
                    break;
                }
            }
        }
        if (t != null && x != null && !t.isEmpty() && TargetRanges.subtract(t, x).isEmpty()) {
            errors.add("exclude", "The exclusions cover every target: nothing would be scanned.");
        }
        String p = ports == null || ports.isBlank() ? DiscoveryForm.DEFAULT_PORTS
                : DiscoveryForm.PROFILES.contains(ports.strip().toLowerCase(Locale.ROOT)) ? ports.strip().toLowerCase(Locale.ROOT)
                : String.join(",", DiscoveryForm.splitTargets(ports));
        if (p.length() > DiscoveryForm.PORTS_MAX) {
            errors.add("ports", "Use at most " + DiscoveryForm.PORTS_MAX + " characters.");
        } else {
            rules.portsError(p).ifPresent(e -> errors.add("ports", sentence(e)));
        }
        Definition.ScheduleKind kind = null;
        String quartzCheck = null;
        String zone = null;
        Integer interval = null;
        String c = cron == null ? null : cron.strip().replaceAll("\\s+", " ");
        switch (schedule == null ? "" : schedule.toLowerCase(Locale.ROOT)) {
            case CRON -> {
                kind = Definition.ScheduleKind.CRON;
                try {
                    quartzCheck = CronText.toQuartz(c);
                } catch (IllegalArgumentException e) {
                    errors.add("cron", e.getMessage());
                }
                try {
                    ZoneId z = CronText.zone(timezone == null || timezone.isBlank() ? "UTC" : timezone);
                    zone = z.getId();
                } catch (IllegalArgumentException e) {
                    errors.add("timezone", e.getMessage());
                }
            }
            case INTERVAL -> {
                kind = Definition.ScheduleKind.INTERVAL;
                if (intervalSeconds == null) {
                    errors.add("intervalSeconds", "Say how often to run it.");
                } else if (intervalSeconds < MIN_INTERVAL_SECONDS) {
                    errors.add("intervalSeconds", "Run it at most every 5 minutes (" + MIN_INTERVAL_SECONDS + " seconds).");
                } else if (intervalSeconds > MAX_INTERVAL_SECONDS) {
                    errors.add("intervalSeconds", "Run it at least once a year (" + MAX_INTERVAL_SECONDS + " seconds).");
                } else {
                    interval = intervalSeconds.intValue();
                }
            }
            case MANUAL -> kind = Definition.ScheduleKind.MANUAL;
            case "both" -> {
                errors.add("cron", "Give either a cron expression or an interval, not both.");
                errors.add("intervalSeconds", "Give either a cron expression or an interval, not both.");
            }
            default -> errors.add("schedule", "Choose a schedule: cron, interval or manual only.");
        }
        if (errors.any() || t == null || x == null) {
            return Optional.empty();
        }
        return Optional.of(new DefinitionStore.Row(n, daemon != null, daemon == null ? null : daemon.id(),
                daemon == null ? null : daemon.name(), t, x, p, new RunOptions(RunOptions.defaults().ratePerSecond(),
                RunOptions.defaults().timeoutMs(), udp, printerPorts), kind, kind == Definition.ScheduleKind.CRON ? c : null,
                kind == Definition.ScheduleKind.CRON ? zone : null, interval, enabled));
    }

    @Nullable
    private static List<String> entries(DaemonLibrary rules, FormErrors errors, String field, List<String> raw) {
        List<String> list = DiscoveryForm.splitTargets(String.join(",", raw == null ? List.of() : raw.stream()
                .map(s -> s == null ? "" : s).toList()));
        if (list.size() > DiscoveryForm.MAX_TARGETS) {
            errors.add(field, "Enter at most " + DiscoveryForm.MAX_TARGETS + " entries (this has " + list.size()
                    + "); a CIDR or a range covers many addresses in one entry.");
            return null;
        }
        for (String entry : list) {
            if (entry.length() > DiscoveryForm.TARGET_MAX) {
                errors.add(field, "The entry “" + entry.substring(0, 20) + "…” is too long: use at most " + DiscoveryForm.TARGET_MAX
                        + " characters.");
                return null;
            }
            Optional<String> error = rules.targetsError(entry);
            if (error.isPresent()) {
                errors.add(field, sentence(error.get()));
                return null;
            }
        }
        if (field.equals("targets") && !list.isEmpty()) {
            Optional<String> together = rules.targetsError(String.join(",", list));
            if (together.isPresent()) {
                errors.add(field, sentence(together.get()));
                return null;
            }
        }
        return list;
    }

    /** The parsers' messages as sentences: a capital first letter and a full stop. */
    static String sentence(String message) {
        String m = message.strip();
        if (m.isEmpty()) {
            return m;
        }
        m = Character.toUpperCase(m.charAt(0)) + m.substring(1);
        return m.endsWith(".") ? m : m + ".";
    }
}
