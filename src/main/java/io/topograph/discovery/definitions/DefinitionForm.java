package io.topograph.discovery.definitions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.discovery.DiscoveryForm;
import io.topograph.platform.web.FormErrors;

import java.util.List;
import java.util.Locale;

/**
 * The definition form of the pages. Checkboxes arrive only when ticked. {@code ports} is a
 * profile or {@code custom} (then {@code customPorts}); the interval is a number and a unit.
 */
@Serdeable
public record DefinitionForm(@Nullable String name, @Nullable String daemonId, @Nullable String targets, @Nullable String exclude,
                             @Nullable String ports, @Nullable String customPorts, @Nullable String schedule, @Nullable String cron,
                             @Nullable String timezone, @Nullable String intervalValue, @Nullable String intervalUnit,
                             @Nullable String enabled, @Nullable String udp, @Nullable String printerPorts) {

    public static final List<String> UNITS = List.of("minutes", "hours", "days");

    public static DefinitionForm empty() {
        return new DefinitionForm("", "", "", "", "top100", "", DefinitionInput.CRON, "0 2 * * *", "UTC", "6", "hours", "on", "on", null);
    }

    static DefinitionForm of(Definition d) {
        String unit = "minutes";
        String value = "";
        if (d.intervalSeconds() != null) {
            int s = d.intervalSeconds();
            unit = s % 86_400 == 0 ? "days" : s % 3600 == 0 ? "hours" : "minutes";
            value = String.valueOf(s / (unit.equals("days") ? 86_400 : unit.equals("hours") ? 3600 : 60));
        }
        boolean profile = DiscoveryForm.PROFILES.contains(d.ports());
        return new DefinitionForm(d.name(), d.daemonPinned() && d.daemonId() != null ? d.daemonId().toString() : "",
                String.join(", ", d.targets()), String.join(", ", d.exclude()), profile ? d.ports() : "custom", profile ? "" : d.ports(),
                d.kind().name().toLowerCase(Locale.ROOT), d.cron() == null ? "" : d.cron(), d.timezone() == null ? "UTC" : d.timezone(),
                value.isEmpty() ? "6" : value, d.intervalSeconds() == null ? "hours" : unit, d.enabled() ? "on" : null,
                d.options().udp() ? "on" : null, d.options().printerPorts() ? "on" : null);
    }

    public List<String> units() {
        return UNITS;
    }

    public String scheduleChoice() {
        String s = schedule == null ? "" : schedule.toLowerCase(Locale.ROOT);
        return List.of(DefinitionInput.CRON, DefinitionInput.INTERVAL, DefinitionInput.MANUAL).contains(s) ? s : DefinitionInput.CRON;
    }

    public String portChoice() {
        String p = ports == null || ports.isBlank() ? "top100" : ports.trim().toLowerCase(Locale.ROOT);
        return DiscoveryForm.PROFILES.contains(p) ? p : "custom";
    }

    public boolean checked(@Nullable String box) {
        return box != null && !box.isBlank() && !box.equalsIgnoreCase("false");
    }

    /** The input to check; a malformed interval number is reported here. */
    DefinitionInput input(FormErrors errors) {
        Long seconds = null;
        if (DefinitionInput.INTERVAL.equals(scheduleChoice())) {
            String v = intervalValue == null ? "" : intervalValue.trim();
            String u = intervalUnit == null ? "hours" : intervalUnit.trim().toLowerCase(Locale.ROOT);
            if (!v.matches("\\d{1,9}") || !UNITS.contains(u)) {
                errors.add("intervalSeconds", "Enter a whole number of minutes, hours or days.");
            } else {
                seconds = Long.parseLong(v) * (u.equals("days") ? 86_400 : u.equals("hours") ? 3600 : 60);
            }
        }
        String portSpec = portChoice().equals("custom") ? (customPorts == null || customPorts.isBlank() ? "" : customPorts) : portChoice();
        if (portChoice().equals("custom") && portSpec.isBlank()) {
            errors.add("ports", "Enter the ports to scan, like 22,80,443 or 8000-8100.");
            portSpec = "top100";
        }
        return new DefinitionInput(name, daemonId, targets == null ? List.of() : List.of(targets), exclude == null ? List.of() : List.of(exclude),
                portSpec, schedule == null ? DefinitionInput.CRON : schedule, cron, timezone, seconds, checked(enabled), checked(udp),
                checked(printerPorts));
    }
}
