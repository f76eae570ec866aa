package io.topograph.discovery.definitions;

import io.micronaut.core.annotation.Nullable;
import io.topograph.discovery.DiscoveryRunStore;
import io.topograph.networks.Network;
import io.topograph.platform.web.FormErrors;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * View names and view models of the definitions pages. DOM ids: {@code definition-list} (the
 * table), {@code definition-<id>} (a row), {@code definition-form} (the new/edit form).
 */
final class DefinitionViews {

    static final String INDEX = "discovery/definitions/index";
    static final String LIST = "discovery/definitions/_list :: list";
    static final String ROW = "discovery/definitions/_row :: row";
    static final String FORM = "discovery/definitions/_form :: form";
    static final String EDIT = "discovery/definitions/edit";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private DefinitionViews() {
    }

    /** One definition as a row shows it. */
    record Row(UUID id, String name, String daemon, boolean daemonDeleted, String targets, String ports, String schedule,
               boolean enabled, boolean isDefault, @Nullable String nextRun, @Nullable UUID lastRunId, @Nullable String lastRunState,
               @Nullable String lastRunAt, @Nullable String skipReason, String baseUrl) {

        static Row of(DefinitionService.Listed listed, String baseUrl) {
            Definition d = listed.definition();
            String daemon = d.daemonDeleted() ? "deleted daemon “" + d.daemonName() + "”" : d.daemonPinned() ? d.daemonName() : "Any daemon";
            String targets = (d.targets().isEmpty() ? "The daemon's subnets" : String.join(", ", d.targets()))
                    + (d.exclude().isEmpty() ? "" : " except " + String.join(", ", d.exclude()));
            String schedule = switch (d.kind()) {
                case CRON -> "cron " + d.cron() + " (" + d.timezone() + ")";
                case INTERVAL -> "every " + every(d.intervalSeconds());
                case MANUAL -> "manual only";
            };
            return new Row(d.id(), d.name(), daemon, d.daemonDeleted(), targets, d.ports(), schedule, d.enabled(), d.isDefault(),
                    listed.nextRunAt() == null ? null : TIME.format(listed.nextRunAt()), d.lastRunId(), d.lastRunState(),
                    d.lastRunAt() == null ? null : TIME.format(d.lastRunAt()), d.lastSkipReason(), baseUrl + "/" + d.id());
        }

        static String every(int seconds) {
            if (seconds % 86_400 == 0) {
                return plural(seconds / 86_400, "day");
            }
            if (seconds % 3600 == 0) {
                return plural(seconds / 3600, "hour");
            }
            if (seconds % 60 == 0) {
                return plural(seconds / 60, "minute");
            }
            return plural(seconds, "second");
        }

        private static String plural(int n, String unit) {
            return n == 1 ? unit : n + " " + unit + "s";
        }
    }

    record IndexPage(String slug, Network network, List<Row> definitions, DefinitionForm form, FormErrors errors,
                     List<DiscoveryRunStore.DaemonChoice> daemons, boolean canWrite, String listUrl, String formUrl, boolean editing) {
    }

    record RowView(String slug, Row row, boolean canWrite) {
    }

    record EditPage(String slug, Network network, UUID definitionId, DefinitionForm form, FormErrors errors,
                    List<DiscoveryRunStore.DaemonChoice> daemons, boolean canWrite, String listUrl, String formUrl, boolean editing) {
    }

    static String listUrl(String slug, UUID networkId) {
        return "/o/" + slug + "/networks/" + networkId + "/discovery-definitions";
    }

    static String time(Instant t) {
        return TIME.format(t);
    }
}
