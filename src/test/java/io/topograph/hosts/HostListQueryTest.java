package io.topograph.hosts;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class HostListQueryTest {

    private static HostListQuery.Parsed parse(String q, String subnet, String category, String tag, String hidden,
                                              String sort, String page, String size) {
        return HostListQuery.parse(q, subnet, category, tag, hidden, sort, page, size);
    }

    private static HostListQuery.Parsed sort(String sort) {
        return parse(null, null, null, null, null, sort, null, null);
    }

    @Test
    void no_parameters_mean_every_visible_host_by_name_fifty_per_page() {
        HostListQuery.Parsed p = parse(null, "", " ", null, null, null, null, null);
        assertThat(p.errors().any()).isFalse();
        assertThat(p.query()).isEqualTo(HostListQuery.defaults());
        assertThat(p.query().sort()).isEqualTo(HostSort.NAME);
        assertThat(p.query().descending()).isFalse();
        assertThat(p.query().size()).isEqualTo(50);
        assertThat(p.query().showHidden()).isFalse();
        assertThat(p.query().hasFilters()).isFalse();
        assertThat(p.query().queryString()).isEmpty();
    }

    @Test
    void sort_names_accept_snake_camel_and_dashed_spellings_and_a_minus_for_descending() {
        assertThat(sort("-last_seen").query().sort()).isEqualTo(HostSort.LAST_SEEN);
        assertThat(sort("-last_seen").query().descending()).isTrue();
        assertThat(sort("lastSeen").query().sort()).isEqualTo(HostSort.LAST_SEEN);
        assertThat(sort("lastSeen").query().descending()).isFalse();
        assertThat(sort("first-seen").query().sort()).isEqualTo(HostSort.FIRST_SEEN);
        assertThat(sort("IP").query().sort()).isEqualTo(HostSort.IP);
        assertThat(sort("-name").query().sortParam()).isEqualTo("-name");
    }

    @Test
    void an_unknown_sort_is_reported_and_falls_back_to_name() {
        HostListQuery.Parsed p = sort("password");
        assertThat(p.errors().has("sort")).isTrue();
        assertThat(p.query().sort()).isEqualTo(HostSort.NAME);
        assertThat(sort("--name").errors().has("sort")).isTrue();
    }

    @Test
    void page_and_size_must_be_whole_numbers_in_range() {
        assertThat(parse(null, null, null, null, null, null, "3", "20").query().offset()).isEqualTo(40);
        HostListQuery.Parsed bad = parse(null, null, null, null, null, null, "abc", "5000");
        assertThat(bad.errors().has("page")).isTrue();
        assertThat(bad.errors().has("size")).isTrue();
        assertThat(bad.query().page()).isEqualTo(1);
        assertThat(bad.query().size()).isEqualTo(200);
        assertThat(parse(null, null, null, null, null, null, "0", "0").errors().list()).hasSize(2);
    }

    @Test
    void search_text_is_trimmed_collapsed_and_limited_to_a_hundred_characters() {
        assertThat(parse("  web   server ", null, null, null, null, null, null, null).query().q()).isEqualTo("web server");
        HostListQuery.Parsed tooLong = parse("x".repeat(101), null, null, null, null, null, null, null);
        assertThat(tooLong.errors().has("q")).isTrue();
        assertThat(tooLong.query().q()).isNull();
        assertThat(parse("x".repeat(100), null, null, null, null, null, null, null).errors().any()).isFalse();
    }

    @Test
    void ids_must_be_uuids_and_categories_plain_words() {
        UUID id = UUID.randomUUID();
        HostListQuery.Parsed ok = parse(null, id.toString(), "WEB", id.toString(), "true", null, null, null);
        assertThat(ok.errors().any()).isFalse();
        assertThat(ok.query().subnetId()).isEqualTo(id);
        assertThat(ok.query().tagId()).isEqualTo(id);
        assertThat(ok.query().category()).isEqualTo("WEB");
        assertThat(ok.query().showHidden()).isTrue();
        assertThat(ok.query().hasFilters()).isTrue();
        HostListQuery.Parsed bad = parse(null, "1-1-1-1-1", "WEB'; drop table hosts;--", "nope", "maybe", null, null, null);
        assertThat(bad.errors().list()).extracting(e -> e.field()).containsExactlyInAnyOrder("subnet", "category", "tag", "hidden");
        assertThat(bad.query().hasFilters()).isFalse();
    }

    @Test
    void the_query_string_round_trips_every_non_default_parameter() {
        UUID subnet = UUID.randomUUID();
        HostListQuery q = parse("nas & co", subnet.toString(), "STORAGE", null, "on", "-ip", "2", "100").query();
        String qs = q.queryString();
        assertThat(qs).isEqualTo("?q=nas+%26+co&subnet=" + subnet + "&category=STORAGE&hidden=true&sort=-ip&size=100&page=2");
        assertThat(q.queryStringWithoutPage()).doesNotContain("page=");
        HostListQuery back = parse("nas & co", subnet.toString(), "STORAGE", null, "true", "-ip", "2", "100").query();
        assertThat(back).isEqualTo(q);
    }

    @Test
    void clicking_a_header_toggles_the_sorted_column_and_uses_the_natural_direction_for_others() {
        HostListQuery byName = HostListQuery.defaults().withPage(4);
        assertThat(byName.sortedBy(HostSort.NAME).sortParam()).isEqualTo("-name");
        assertThat(byName.sortedBy(HostSort.NAME).page()).isEqualTo(1);
        assertThat(byName.sortedBy(HostSort.LAST_SEEN).sortParam()).isEqualTo("-last_seen");
        assertThat(byName.sortedBy(HostSort.LAST_SEEN).sortedBy(HostSort.LAST_SEEN).sortParam()).isEqualTo("last_seen");
        assertThat(byName.sortedBy(HostSort.IP).sortParam()).isEqualTo("ip");
    }

    @Test
    void search_patterns_escape_like_wildcards_and_recognise_addresses() {
        HostListQuery percent = parse("100%_done", null, null, null, null, null, null, null).query();
        assertThat(percent.containsPattern()).isEqualTo("%100\\%\\_done%");
        assertThat(percent.ipPrefixPattern()).isNull();
        HostListQuery ip = parse("10.0.1", null, null, null, null, null, null, null).query();
        assertThat(ip.ipPrefixPattern()).isEqualTo("10.0.1%");
        HostListQuery mac = parse("AA-BB-CC", null, null, null, null, null, null, null).query();
        assertThat(mac.macPattern()).isEqualTo("%aa:bb:cc%");
        assertThat(mac.containsPattern()).isEqualTo("%aa-bb-cc%");
        assertThat(parse("Printer", null, null, null, null, null, null, null).query().macPattern()).isNull();
    }

    @Test
    void every_order_ends_with_the_id_so_pages_are_stable() {
        for (HostSort s : HostSort.values()) {
            HostListQuery asc = parse(null, null, null, null, null, s.param(), null, null).query();
            HostListQuery desc = parse(null, null, null, null, null, "-" + s.param(), null, null).query();
            assertThat(HostInventory.orderBy(asc)).contains("h.id");
            assertThat(HostInventory.orderBy(desc)).contains("h.id").isNotEqualTo(HostInventory.orderBy(asc));
        }
    }
}
