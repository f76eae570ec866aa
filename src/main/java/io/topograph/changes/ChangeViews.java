package io.topograph.changes;

import io.micronaut.core.annotation.Nullable;
import io.topograph.hosts.Ago;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.Paging;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** View names and typed view models of the What changed pages. */
final class ChangeViews {

    static final String NETWORK = "changes/network";
    static final String ORGANIZATION = "changes/index";
    static final String LIST = "changes/_list :: list";
    static final String ROW = "changes/_row :: row";

    /** DOM id of the list region, the target of the filter form, the pager and "acknowledge all". */
    static final String LIST_ID = "changes-list";

    private ChangeViews() {
    }

    static String rowId(UUID changeId) {
        return "change-" + changeId;
    }

    /** A kind in the filter's select. */
    record KindOption(String value, String label) {
        static List<KindOption> all() {
            return Arrays.stream(ChangeKind.values()).map(k -> new KindOption(k.name(), k.label())).toList();
        }
    }

    /** One change as a row draws it; display values computed once here. */
    record Row(UUID id, String domId, String kind, String kindLabel, String badge, String icon, String hostName,
               @Nullable String hostUrl, String subject, String detail, String networkName, String networkUrl,
               String ago, String exact, boolean acknowledged, String acknowledgedText, String acknowledgeUrl) {

        static Row of(ChangeLog.Entry e, String slug, Instant now) {
            ChangeEvent c = e.event();
            String org = "/o/" + slug;
            String detail = switch (c.kind()) {
                case HOST_CHANGED -> value(c.before()) + " → " + value(c.after());
                case SERVICE_APPEARED -> "on " + value(c.after());
                case SERVICE_DISAPPEARED -> "was on " + value(c.before());
                default -> "";
            };
            String ackText = c.acknowledgedAt() == null ? ""
                    : "Acknowledged " + Ago.relative(c.acknowledgedAt(), now) + (e.acknowledgedBy() == null ? "" : " by " + e.acknowledgedBy());
            return new Row(c.id(), rowId(c.id()), c.kind().name(), c.kind().label(), badge(c.kind()), icon(c.kind()), c.hostName(),
                    e.hostExists() && c.hostId() != null ? org + "/hosts/" + c.hostId() : null, c.subject(), detail,
                    e.networkName(), org + "/networks/" + c.networkId() + "/changes", Ago.relative(c.occurredAt(), now),
                    Ago.exact(c.occurredAt()), c.acknowledgedAt() != null, ackText, org + "/changes/" + c.id() + "/acknowledgement");
        }

        private static String value(@Nullable String v) {
            return v == null || v.isEmpty() ? "—" : v;
        }

        private static String badge(ChangeKind kind) {
            return switch (kind) {
                case HOST_APPEARED, SERVICE_APPEARED, PORT_OPENED -> "text-bg-success";
                case HOST_DISAPPEARED, SERVICE_DISAPPEARED, PORT_CLOSED -> "text-bg-secondary";
                case HOST_CHANGED -> "text-bg-warning";
            };
        }

        private static String icon(ChangeKind kind) {
            return switch (kind) {
                case HOST_APPEARED -> "bi-plus-circle";
                case HOST_DISAPPEARED -> "bi-dash-circle";
                case HOST_CHANGED -> "bi-pencil";
                case SERVICE_APPEARED -> "bi-box-arrow-in-right";
                case SERVICE_DISAPPEARED -> "bi-box-arrow-left";
                case PORT_OPENED -> "bi-unlock";
                case PORT_CLOSED -> "bi-lock";
            };
        }
    }

    /**
     * Either page (a network's tab, or the organization's page) and its list region (filters,
     * acknowledge-all, rows, pager), one model for both so the region reads the same names alone.
     *
     * @param listUrl    the page's URL without query (the filter form's target)
     * @param pagerBase  the page's URL with the filters, for the pager
     * @param networkId  the network of the page, or null on the organization's page
     */
    record Page(String slug, @Nullable UUID networkId, @Nullable String networkName, String listUrl, String pagerBase,
                String acknowledgeAllUrl, String back, List<Row> rows, Paging<Row> paging, ChangeQuery query, FormErrors errors,
                List<KindOption> kinds, boolean canWrite, boolean showNetwork, long unacknowledgedOnPage) {
    }
}
