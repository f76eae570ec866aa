package io.topograph.discovery;

import io.micronaut.core.annotation.Nullable;
import io.topograph.platform.web.Check;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.Paging;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Filters and page of a run history, parsed from the query parameters shared by the pages
 * ({@code /o/{slug}/networks/{id}/discoveries}, {@code /o/{slug}/discoveries}) and the API
 * ({@code /api/v1/networks/{id}/runs}):
 * {@code state} (QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT, any case),
 * {@code trigger} (MANUAL, SCHEDULED, FIRST_RUN, API), {@code daemon} (a daemon id: runs it ran or
 * that were meant for it), {@code network} (a network id; the organization-wide history only),
 * {@code from} and {@code to} (created in this range: a date {@code 2026-11-01}, taken as whole
 * UTC days with {@code to} inclusive, or an instant {@code 2026-11-01T08:00:00Z}), {@code page}
 * (from 1) and {@code size} (1–200).
 *
 * @param to exclusive upper bound of {@code created_at}
 */
public record RunFilter(@Nullable RunState state, @Nullable String trigger, @Nullable UUID daemonId, @Nullable UUID networkId,
                        @Nullable Instant from, @Nullable Instant to, @Nullable String fromText, @Nullable String toText,
                        int page, int size) {

    public static final List<String> TRIGGERS = List.of("MANUAL", "SCHEDULED", "FIRST_RUN", "API");
    static final int TEXT_MAX = 64;

    /** The filter and its problems; a value with a problem is left out of {@link #filter()}. */
    public record Parsed(RunFilter filter, FormErrors errors) {
    }

    public static RunFilter none(int size) {
        return new RunFilter(null, null, null, null, null, null, null, null, 1, size);
    }

    /**
     * @param strictPaging false on pages, which forgive a hand-edited page number (it shows page 1);
     *                     the API refuses it like any other bad value
     */
    public static Parsed parse(@Nullable String state, @Nullable String trigger, @Nullable String daemon, @Nullable String network,
                               @Nullable String from, @Nullable String to, @Nullable String page, @Nullable String size,
                               int defaultSize, boolean strictPaging) {
        FormErrors errors = FormErrors.none();
        RunState s = null;
        String st = Check.blankToNull(state);
        if (st != null) {
            s = st.length() > TEXT_MAX ? null : RunState.parse(st).orElse(null);
            if (s == null) {
                errors.add("state", "Choose one of queued, running, succeeded, failed, cancelled or timed_out.");
            }
        }
        String t = Check.blankToNull(trigger);
        if (t != null) {
            String upper = t.toUpperCase(Locale.ROOT).replace('-', '_');
            if (TRIGGERS.contains(upper)) {
                t = upper;
            } else {
                errors.add("trigger", "Choose one of manual, scheduled, first_run or api.");
                t = null;
            }
        }
        UUID daemonId = Check.uuid(errors, "daemon", daemon, "Choose a daemon from the list (a daemon id).");
        UUID networkId = Check.uuid(errors, "network", network, "Choose a network from the list (a network id).");
        Instant f = instant(errors, "from", from, false);
        Instant u = instant(errors, "to", to, true);
        if (f != null && u != null && !f.isBefore(u)) {
            errors.add("to", "The end of the time range must come after its start.");
            u = null;
        }
        int pageNumber = 1;
        int pageSize = defaultSize;
        Integer p = integer(errors, "page", page, strictPaging);
        if (p != null) {
            if (p < 1) {
                if (strictPaging) {
                    errors.add("page", "Pages start at 1.");
                }
            } else {
                pageNumber = p;
            }
        }
        Integer z = integer(errors, "size", size, strictPaging);
        if (z != null) {
            if (z < 1 || z > Paging.MAX_SIZE) {
                if (strictPaging) {
                    errors.add("size", "Use a page size from 1 to " + Paging.MAX_SIZE + ".");
                }
            } else {
                pageSize = z;
            }
        }
        return new Parsed(new RunFilter(s, t, daemonId, networkId, f, u, f == null ? null : Check.blankToNull(from), u == null ? null : Check.blankToNull(to),
                pageNumber, pageSize), errors);
    }

    /** Whether something narrows the list (an empty list then says "no run matches" rather than "no run yet"). */
    public boolean narrowed() {
        return state != null || trigger != null || daemonId != null || networkId != null || from != null || to != null;
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    public RunFilter withPage(int page) {
        return new RunFilter(state, trigger, daemonId, networkId, from, to, fromText, toText, page, size);
    }

    /** The filters as a query string without the page ({@code state=FAILED&trigger=API}), empty when none. */
    public String query() {
        StringJoiner q = new StringJoiner("&");
        add(q, "state", state == null ? null : state.name());
        add(q, "trigger", trigger);
        add(q, "daemon", daemonId == null ? null : daemonId.toString());
        add(q, "network", networkId == null ? null : networkId.toString());
        add(q, "from", fromText);
        add(q, "to", toText);
        return q.toString();
    }

    /** {@code base} with the filters, for links and the pager. */
    public String url(String base) {
        String q = query();
        return q.isEmpty() ? base : base + "?" + q;
    }

    public String stateParam() {
        return state == null ? "" : state.name();
    }

    public String triggerParam() {
        return trigger == null ? "" : trigger;
    }

    public String daemonParam() {
        return daemonId == null ? "" : daemonId.toString();
    }

    public String networkParam() {
        return networkId == null ? "" : networkId.toString();
    }

    public String fromParam() {
        return fromText == null ? "" : fromText;
    }

    public String toParam() {
        return toText == null ? "" : toText;
    }

    private static void add(StringJoiner q, String name, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            q.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    @Nullable
    private static Instant instant(FormErrors errors, String field, @Nullable String value, boolean endOfDay) {
        String v = Check.blankToNull(value);
        if (v == null) {
            return null;
        }
        if (v.length() <= TEXT_MAX) {
            try {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                // not a date: perhaps an instant
            }
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(field, "Use a date (2026-11-01) or a time with its zone (2026-11-01T08:00:00Z).");
        return null;
    }

    @Nullable
    private static Integer integer(FormErrors errors, String field, @Nullable String value, boolean strict) {
        String v = Check.blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            if (strict) {
                errors.add(field, "Use a whole number.");
            }
            return null;
        }
    }

}
