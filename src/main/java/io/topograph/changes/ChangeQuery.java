package io.topograph.changes;

import io.micronaut.core.annotation.Nullable;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.Paging;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Filters and page of a change list, parsed from the query parameters shared by the pages and
 * the API: {@code since} and {@code until} (ISO-8601: an instant {@code 2026-11-23T10:00:00Z},
 * a time with offset, a local date-time read as UTC, or a date: {@code since} from its start,
 * {@code until} through its end), {@code kind} (a {@link ChangeKind} name), {@code acknowledged}
 * ({@code true}, {@code false}; empty or {@code all} for both), {@code page} (from 1) and
 * {@code size} (1–200, default 50). {@code since} is inclusive, {@code until} exclusive.
 *
 * @param sinceText the parameters as given (for forms and links), valid ones only
 */
public record ChangeQuery(@Nullable Instant since, @Nullable Instant until, @Nullable ChangeKind kind, @Nullable Boolean acknowledged,
                          int page, int size, String sinceText, String untilText) {

    static final int TIME_MAX = 40;

    /** The query with its problems; a parameter with a problem is left out of {@link #query()}. */
    public record Parsed(ChangeQuery query, FormErrors errors) {
    }

    public static ChangeQuery all() {
        return new ChangeQuery(null, null, null, null, 1, Paging.DEFAULT_SIZE, "", "");
    }

    public static Parsed parse(@Nullable String since, @Nullable String until, @Nullable String kind, @Nullable String acknowledged,
                               @Nullable String page, @Nullable String size) {
        FormErrors errors = FormErrors.none();
        String sinceText = trim(since);
        String untilText = trim(until);
        Instant from = time(errors, "since", sinceText, false);
        Instant to = time(errors, "until", untilText, true);
        if (from == null) {
            sinceText = "";
        }
        if (to == null) {
            untilText = "";
        }
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add("until", "Must be after the start of the range.");
            to = null;
            untilText = "";
        }

        ChangeKind k = null;
        String kindText = trim(kind);
        if (!kindText.isEmpty()) {
            try {
                k = ChangeKind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("kind", "Unknown kind of change: use one of HOST_APPEARED, HOST_DISAPPEARED, HOST_CHANGED, "
                        + "SERVICE_APPEARED, SERVICE_DISAPPEARED, PORT_OPENED, PORT_CLOSED.");
            }
        }

        Boolean ack = null;
        String ackText = trim(acknowledged).toLowerCase(Locale.ROOT);
        switch (ackText) {
            case "", "all" -> ack = null;
            case "true", "yes", "1" -> ack = true;
            case "false", "no", "0" -> ack = false;
            default -> errors.add("acknowledged", "Use true, false or all.");
        }

        int p = positive(errors, "page", page, 1, Integer.MAX_VALUE / Paging.MAX_SIZE, "Use a page number from 1.");
        int s = positive(errors, "size", size, Paging.DEFAULT_SIZE, Paging.MAX_SIZE, "Use a page size from 1 to " + Paging.MAX_SIZE + ".");
        return new Parsed(new ChangeQuery(from, to, k, ack, p, s, sinceText, untilText), errors);
    }

    public ChangeQuery withPage(int newPage) {
        return new ChangeQuery(since, until, kind, acknowledged, newPage, size, sinceText, untilText);
    }

    public String kindName() {
        return kind == null ? "" : kind.name();
    }

    public String acknowledgedText() {
        return acknowledged == null ? "all" : acknowledged.toString();
    }

    /** The filters (not the page) as a query string without "?", for links and the pager. */
    public String filterString() {
        StringJoiner out = new StringJoiner("&");
        add(out, "since", sinceText);
        add(out, "until", untilText);
        add(out, "kind", kindName());
        if (acknowledged != null) {
            add(out, "acknowledged", acknowledged.toString());
        }
        if (size != Paging.DEFAULT_SIZE) {
            add(out, "size", Integer.toString(size));
        }
        return out.toString();
    }

    public boolean filtered() {
        return since != null || until != null || kind != null || acknowledged != null;
    }

    private static void add(StringJoiner out, String name, String value) {
        if (value != null && !value.isEmpty()) {
            out.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String trim(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    @Nullable
    private static Instant time(FormErrors errors, String field, String text, boolean endOfDay) {
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > TIME_MAX) {
            errors.add(field, "Use an ISO-8601 date or time of at most " + TIME_MAX + " characters.");
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (text.endsWith("Z") || text.endsWith("z")) {
                return Instant.parse(text.toUpperCase(Locale.ROOT));
            }
            if (text.matches(".*[+-]\\d{2}:?\\d{2}$") && text.indexOf('T') > 0) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | ArithmeticException e) {
            errors.add(field, "Use an ISO-8601 date (2026-11-23) or time (2026-11-23T10:00:00Z).");
            return null;
        }
    }

    private static int positive(FormErrors errors, String field, @Nullable String text, int otherwise, int max, String message) {
        String t = trim(text);
        if (t.isEmpty()) {
            return otherwise;
        }
        try {
            int v = Integer.parseInt(t);
            if (v >= 1 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(field, message);
        return otherwise;
    }
}
