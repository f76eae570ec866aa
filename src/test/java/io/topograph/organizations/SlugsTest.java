package io.topograph.organizations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

    @Test
    void a_name_becomes_a_lower_case_dashed_slug_without_accents() {
        assertThat(Slugs.fromName("Acme Networks, Inc.")).isEqualTo("acme-networks-inc");
        assertThat(Slugs.fromName("  Café  Zürich  ")).isEqualTo("cafe-zurich");
    }

    @Test
    void too_short_or_reserved_names_get_a_suffix_and_long_ones_are_cut() {
        assertThat(Slugs.fromName("IT")).isEqualTo("it-team");
        assertThat(Slugs.fromName("!!!")).isEqualTo("org-team");
        assertThat(Slugs.fromName("admin")).isEqualTo("admin-team");
        assertThat(Slugs.fromName("a".repeat(30) + " " + "b".repeat(30))).hasSizeLessThanOrEqualTo(Slugs.MAX).doesNotEndWith("-");
    }

    @Test
    void problems_are_explained_and_good_slugs_pass() {
        assertThat(Slugs.problem("acme-1")).isNull();
        assertThat(Slugs.problem("ab")).contains("3 to 40");
        assertThat(Slugs.problem("Acme")).contains("lower-case");
        assertThat(Slugs.problem("a--b")).contains("single dashes");
        assertThat(Slugs.problem("api")).contains("reserved");
        assertThat(Slugs.problem(" ")).contains("required");
    }
}
