package io.topograph.hosts;

import io.topograph.platform.web.Paging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the table region needs: the query behind it, its page of rows, and the links it draws. */
public record HostTable(String slug, UUID networkId, HostListQuery query, Paging<HostRow> hosts, List<HostRowView> rows,
                        boolean emptyNetwork, boolean canWrite) {

    public static HostTable of(String slug, UUID networkId, HostListQuery query, Paging<HostRow> hosts, boolean emptyNetwork,
                               boolean canWrite) {
        String prefix = "/o/" + slug + "/hosts/";
        Instant now = Instant.now();
        return new HostTable(slug, networkId, query, hosts, hosts.items().stream().map(r -> HostRowView.of(r, prefix, now)).toList(),
                emptyNetwork, canWrite);
    }

    public String baseUrl() {
        return "/o/" + slug + "/networks/" + networkId + "/hosts";
    }

    /** The URL a column header links to. */
    public String sortUrl(String column) {
        return baseUrl() + query.sortedBy(HostSort.fromParam(column)).queryString();
    }

    /** {@code ascending}, {@code descending} or {@code none}, for aria-sort. */
    public String ariaSort(String column) {
        if (query.sort() != HostSort.fromParam(column)) {
            return "none";
        }
        return query.descending() ? "descending" : "ascending";
    }

    /** The arrow shown next to the sorted column's header. */
    public String sortIcon(String column) {
        if (query.sort() != HostSort.fromParam(column)) {
            return "bi-arrow-down-up text-body-tertiary";
        }
        return query.descending() ? "bi-sort-down" : "bi-sort-up";
    }

    /** The pager's base: this query's URL without the page. */
    public String pagerBase() {
        return baseUrl() + query.queryStringWithoutPage();
    }

    public String clearUrl() {
        return baseUrl();
    }

    public String showHiddenUrl() {
        return baseUrl() + new HostListQuery(query.q(), query.subnetId(), query.category(), query.tagId(), true,
                query.sort(), query.descending(), 1, query.size(), query.state()).queryString();
    }
}
