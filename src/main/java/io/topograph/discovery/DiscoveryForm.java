package io.topograph.discovery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.daemonjar.DaemonLibrary;
import io.topograph.platform.web.FormErrors;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * "Scan now" on a network, from the page form or the JSON API.
 *
 * @param targetsMode {@code subnets} (the subnets the chosen daemon(s) reported in their last
 *                    heartbeat) or {@code custom} (the default)
 * @param targets     custom targets: IPs, CIDRs and ranges separated by commas, spaces or new lines
 * @param ports       {@code top100} (default), {@code top1000}, {@code all}, {@code custom} (then
 *                    {@code customPorts} holds the list), or directly a list such as {@code 22,80,8000-8100}
 * @param daemonId    one daemon of the network, or empty for any of them
 */
@Serdeable
public record DiscoveryForm(@Nullable String targetsMode, @Nullable String targets, @Nullable String ports,
                            @Nullable String customPorts, @Nullable String daemonId) {

    public static final String SUBNETS = "subnets";
    public static final String CUSTOM = "custom";
    public static final List<String> PROFILES = List.of("top100", "top1000", "all");
    public static final String DEFAULT_PORTS = "top100";
    public static final int MAX_TARGETS = 64;
    public static final int TARGETS_TEXT_MAX = 4000;
    public static final int TARGET_MAX = 100;
    public static final int PORTS_MAX = 1000;

    /** Targets and ports that passed every check, ready to be stored and sent to a daemon. */
    public record Checked(List<String> targets, String ports) {
    }

    public static DiscoveryForm empty() {
        return new DiscoveryForm(CUSTOM, "", DEFAULT_PORTS, "", "");
    }

    /** {@code subnets} or {@code custom}; absent means custom. Null when it is something else. */
    @Nullable
    public String mode() {
        if (targetsMode == null || targetsMode.isBlank()) {
            return CUSTOM;
        }
        String m = targetsMode.trim().toLowerCase(Locale.ROOT);
        return m.equals(SUBNETS) || m.equals(CUSTOM) ? m : null;
    }

    public boolean subnetsMode() {
        return SUBNETS.equals(mode());
    }

    /** The port choice the form shows selected: a profile, or {@code custom}. */
    public String portChoice() {
        String p = ports == null || ports.isBlank() ? DEFAULT_PORTS : ports.trim().toLowerCase(Locale.ROOT);
        return PROFILES.contains(p) ? p : CUSTOM;
    }

    /** The custom list the form shows: {@code customPorts}, or {@code ports} itself when that is a list. */
    public String customPortsText() {
        if (customPorts != null && !customPorts.isBlank()) {
            return customPorts;
        }
        String p = ports == null ? "" : ports.trim();
        return PROFILES.contains(p.toLowerCase(Locale.ROOT)) || p.equalsIgnoreCase(CUSTOM) ? "" : p;
    }

    /** The chosen daemon, empty for "any daemon of the network"; a malformed id is a field error. */
    public Optional<UUID> daemon(FormErrors errors) {
        if (daemonId == null || daemonId.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(daemonId.trim()));
        } catch (IllegalArgumentException e) {
            errors.add("daemonId", "Choose one of the network's daemons, or any daemon.");
            return Optional.empty();
        }
    }

    /** Splits on commas, spaces and new lines; drops empty pieces and repeats, keeps the order. */
    public static List<String> splitTargets(@Nullable String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String piece : text.split("[,\\s]+")) {
            if (!piece.isEmpty()) {
                out.add(piece);
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * Checks targets and ports with the daemon's own parsers, adding a message per bad field to
     * {@code errors}. In subnets mode {@code daemonSubnets} are the targets (CIDRs of the chosen
     * daemon(s)). Returns what to store when there is no error for these fields.
     */
    public Optional<Checked> check(DaemonLibrary rules, FormErrors errors, List<String> daemonSubnets) {
        List<String> list = checkTargets(rules, errors, daemonSubnets);
        String portSpec = checkPorts(rules, errors);
        if (list == null || portSpec == null) {
            return Optional.empty();
        }
        return Optional.of(new Checked(List.copyOf(list), portSpec));
    }

    @Nullable
    private List<String> checkTargets(DaemonLibrary rules, FormErrors errors, List<String> daemonSubnets) {
        String mode = mode();
        if (mode == null) {
            errors.add("targetsMode", "Choose the daemon's subnets or enter targets.");
            return null;
        }
        List<String> list;
        if (mode.equals(SUBNETS)) {
            if (daemonSubnets.isEmpty()) {
                errors.add("targets", "No subnets are known for this daemon yet (a daemon reports them with its heartbeat). "
                        + "Enter targets instead.");
                return null;
            }
            list = daemonSubnets;
        } else {
            String text = targets == null ? "" : targets;
            if (text.length() > TARGETS_TEXT_MAX) {
                errors.add("targets", "Use at most " + TARGETS_TEXT_MAX + " characters (this has " + text.length() + ").");
                return null;
            }
            list = splitTargets(text);
            if (list.isEmpty()) {
                errors.add("targets", "Enter at least one target: an IP (192.168.1.10), a CIDR (192.168.1.0/24) or a range (192.168.1.1-50).");
                return null;
            }
        }
        if (list.size() > MAX_TARGETS) {
            errors.add("targets", "Enter at most " + MAX_TARGETS + " targets (this has " + list.size()
                    + "); a CIDR or a range covers many addresses in one entry.");
            return null;
        }
        for (String entry : list) {
            if (entry.length() > TARGET_MAX) {
                errors.add("targets", "The target “" + entry.substring(0, 20) + "…” is too long: use at most " + TARGET_MAX + " characters.");
                return null;
            }
            Optional<String> error = rules.targetsError(entry);
            if (error.isPresent()) {
                errors.add("targets", sentence(error.get()));
                return null;
            }
        }
        // Entries that pass alone may still cover too many addresses together.
        Optional<String> together = rules.targetsError(String.join(",", list));
        if (together.isPresent()) {
            errors.add("targets", sentence(together.get()));
            return null;
        }
        return list;
    }

    @Nullable
    private String checkPorts(DaemonLibrary rules, FormErrors errors) {
        String choice = portChoice();
        if (!choice.equals(CUSTOM)) {
            return choice;
        }
        boolean fromCustomField = ports != null && ports.trim().equalsIgnoreCase(CUSTOM);
        String field = fromCustomField ? "customPorts" : "ports";
        String text = fromCustomField ? (customPorts == null ? "" : customPorts) : ports;
        if (text.isBlank()) {
            errors.add(field, "Enter the ports to scan, like 22,80,443 or 8000-8100.");
            return null;
        }
        if (text.length() > PORTS_MAX) {
            errors.add(field, "Use at most " + PORTS_MAX + " characters (this has " + text.length() + ").");
            return null;
        }
        // Spaces and new lines are separators people type; the daemon's syntax is comma separated.
        String spec = String.join(",", splitTargets(text));
        Optional<String> error = rules.portsError(spec);
        if (error.isPresent()) {
            errors.add(field, sentence(error.get()));
            return null;
        }
        return spec;
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
