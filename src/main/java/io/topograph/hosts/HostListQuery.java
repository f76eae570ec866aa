package io.topograph.hosts;

import io.micronaut.core.annotation.Nullable;
import io.topograph.platform.web.Check;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.Paging;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Search, filters, order and page of a host list, parsed from query parameters shared by the
 * page ({@code /o/{slug}/networks/{id}/hosts}) and the API ({@code /api/v1/networks/{id}/hosts}).
 *
 * <p>Parameters: {@code q} (name, host name, IP prefix, MAC or service name), {@code subnet}
 * (subnet id), {@code category} (service category), {@code tag} (tag id), {@code hidden}
 * ({@code true} also lists hidden hosts), {@code state} ({@code online}, {@code offline} or
 * {@code unknown}: see {@link Presence}), {@code sort} ({@code name}, {@code ip},
 * {@code last_seen}, {@code first_seen}; a leading {@code -} sorts descending), {@code page}
 * (from 1) and {@code size} (1–200, default 50).
 *
 * @param q the search text (trimmed, inner white space collapsed), or null
 */
public record HostListQuery(@Nullable String q, @Nullable UUID subnetId, @Nullable String category, @Nullable UUID tagId,
                            boolean showHidden, HostSort sort, boolean descending, int page, int size,
                            @Nullable Presence.Filter state) {

    public static final int Q_MAX = 100;
    public static final int CATEGORY_MAX = 40;
    private static final Pattern CATEGORY = Pattern.compile("^[A-Za-z0-9_.\\-]{1,40}$");
    private static final Pattern IP_CHARS = Pattern.compile("^[0-9a-f.:]+$");
    private static final Pattern MAC_CHARS = Pattern.compile("^[0-9a-f:\\-]+$");

    /** The query with its problems; invalid values are replaced by their defaults in {@link #query()}. */
    public record Parsed(HostListQuery query, FormErrors errors) {
    }

    public static HostListQuery defaults() {
        return new HostListQuery(null, null, null, null, false, HostSort.NAME, false, 1, Paging.DEFAULT_SIZE, null);
    }

    public static Parsed parse(@Nullable String q, @Nullable String subnet, @Nullable String category, @Nullable String tag,
                               @Nullable String hidden, @Nullable String sort, @Nullable String page, @Nullable String size) {
        return parse(q, subnet, category, tag, hidden, sort, page, size, null);
    }

    public static Parsed parse(@Nullable String q, @Nullable String subnet, @Nullable String category, @Nullable String tag,
                               @Nullable String hidden, @Nullable String sort, @Nullable String page, @Nullable String size,
                               @Nullable String state) {
        FormErrors errors = FormErrors.none();

        Presence.Filter presence = null;
        String st = Check.blankToNull(state);
        if (st != null) {
            presence = Presence.Filter.parse(st);
            if (presence == null) {
                errors.add("state", "Use online, offline or unknown.");
            }
        }

        String search = Check.blankToNull(q);
        if (search != null) {
            search = search.replaceAll("\\s+", " ");
            if (search.length() > Q_MAX) {
                errors.add("q", "Search for at most " + Q_MAX + " characters.");
                search = null;
            } else if (search.chars().anyMatch(c -> c < 0x20)) {
                errors.add("q", "Control characters are not allowed.");
                search = null;
            }
        }

        UUID subnetId = Check.uuid(errors, "subnet", subnet, "Unknown subnet.");
        UUID tagId = Check.uuid(errors, "tag", tag, "Unknown tag.");

        String cat = Check.blankToNull(category);
        if (cat != null && !CATEGORY.matcher(cat).matches()) {
            errors.add("category", "Unknown service category.");
            cat = null;
        }

        boolean showHidden = false;
        String h = Check.blankToNull(hidden);
        if (h != null) {
            switch (h.toLowerCase(Locale.ROOT)) {
                case "true", "1", "on", "yes" -> showHidden = true;
                case "false", "0", "off", "no" -> showHidden = false;
                default -> errors.add("hidden", "Use true or false.");
            }
        }

        HostSort order = HostSort.NAME;
        boolean descending = false;
        String s = Check.blankToNull(sort);
        if (s != null) {
            boolean desc = s.startsWith("-");
            HostSort parsed = HostSort.fromParam(desc ? s.substring(1) : s);
            if (parsed == null) {
                errors.add("sort", "Sort by name, ip, last_seen or first_seen (prefix - for descending).");
            } else {
                order = parsed;
                descending = desc;
            }
        }

        int pageNumber = 1;
        Integer p = integer(errors, "page", page);
        if (p != null) {
            if (p < 1) {
                errors.add("page", "Pages start at 1.");
            } else {
                pageNumber = p;
            }
        }
        int pageSize = Paging.DEFAULT_SIZE;
        Integer z = integer(errors, "size", size);
        if (z != null) {
            if (z < 1 || z > Paging.MAX_SIZE) {
                errors.add("size", "Use a page size from 1 to " + Paging.MAX_SIZE + ".");
            }
            pageSize = Paging.size(z);
        }
        return new Parsed(new HostListQuery(search, subnetId, cat, tagId, showHidden, order, descending, pageNumber, pageSize, presence),
                errors);
    }

    /** True when search or a filter narrows the list (showing hidden hosts widens it). */
    public boolean hasFilters() {
        return q != null || subnetId != null || category != null || tagId != null || state != null;
    }

    /** The {@code state} parameter's value, or empty. */
    public String stateParam() {
        return state == null ? "" : state.param();
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    /** The {@code sort} parameter value of this query, for example {@code -last_seen}. */
    public String sortParam() {
        return (descending ? "-" : "") + sort.param();
    }

    public HostListQuery withPage(int newPage) {
        return new HostListQuery(q, subnetId, category, tagId, showHidden, sort, descending, Math.max(1, newPage), size, state);
    }

    /**
     * The query a column header links to: the other direction when already sorted by this
     * column, else the column's natural direction; back to the first page either way.
     */
    public HostListQuery sortedBy(HostSort column) {
        boolean desc = column == sort ? !descending : column.descendingByDefault();
        return new HostListQuery(q, subnetId, category, tagId, showHidden, column, desc, 1, size, state);
    }

    /** {@code ?…} with every non-default parameter (empty when all are defaults). */
    public String queryString() {
        return queryString(true);
    }

    /** Like {@link #queryString()} but without {@code page}: the base URL a pager appends to. */
    public String queryStringWithoutPage() {
        return queryString(false);
    }

    private String queryString(boolean withPage) {
        StringJoiner j = new StringJoiner("&", "?", "").setEmptyValue("");
        if (q != null) {
            j.add("q=" + enc(q));
        }
        if (subnetId != null) {
            j.add("subnet=" + subnetId);
        }
        if (category != null) {
            j.add("category=" + enc(category));
        }
        if (tagId != null) {
            j.add("tag=" + tagId);
        }
        if (state != null) {
            j.add("state=" + state.param());
        }
        if (showHidden) {
            j.add("hidden=true");
        }
        if (sort != HostSort.NAME || descending) {
            j.add("sort=" + sortParam());
        }
        if (size != Paging.DEFAULT_SIZE) {
            j.add("size=" + size);
        }
        if (withPage && page > 1) {
            j.add("page=" + page);
        }
        return j.toString();
    }

    /** {@code %text%} for a case-insensitive LIKE on lower-cased columns, wildcards in the text escaped. */
    @Nullable
    String containsPattern() {
        return q == null ? null : "%" + escapeLike(lower()) + "%";
    }

    /** {@code text%} when the search could be the start of an IP address, else null. */
    @Nullable
    String ipPrefixPattern() {
        return q != null && IP_CHARS.matcher(lower()).matches() ? escapeLike(lower()) + "%" : null;
    }

    /** {@code %aa:bb%} when the search could be part of a MAC address (dashes read as colons), else null. */
    @Nullable
    String macPattern() {
        return q != null && MAC_CHARS.matcher(lower()).matches() && q.length() >= 2 ? "%" + escapeLike(lower().replace('-', ':')) + "%" : null;
    }

    private String lower() {
        return q.toLowerCase(Locale.ROOT);
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Nullable
    private static Integer integer(FormErrors errors, String field, @Nullable String value) {
        String v = Check.blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            errors.add(field, "Use a whole number.");
            return null;
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
