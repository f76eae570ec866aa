package io.topograph.daemons;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionsTest {

    @Test
    void versions_compare_numerically_part_by_part() {
        assertThat(Versions.compare("0.10.0", "0.9.3")).isPositive();
        assertThat(Versions.compare("0.9.3", "0.10.0")).isNegative();
        assertThat(Versions.compare("1.2.3", "1.2.3")).isZero();
        assertThat(Versions.compare("2", "10")).isNegative();
        assertThat(Versions.compare("1.2", "1.2.0")).isZero();
        assertThat(Versions.compare("1.2", "1.2.1")).isNegative();
    }

    @Test
    void a_pre_release_is_older_than_its_release_and_build_metadata_is_ignored() {
        assertThat(Versions.compare("0.2.0-SNAPSHOT", "0.2.0")).isNegative();
        assertThat(Versions.compare("0.2.0", "0.2.0-rc1")).isPositive();
        assertThat(Versions.compare("0.2.0-SNAPSHOT", "0.1.9")).isPositive();
        assertThat(Versions.compare("0.2.0+abc", "0.2.0")).isZero();
    }

    @Test
    void unknown_or_unreadable_versions_are_never_called_older() {
        assertThat(Versions.isOlder("0.1.0", "0.2.0")).isTrue();
        assertThat(Versions.isOlder("0.2.0", "0.1.0")).isFalse();
        assertThat(Versions.isOlder("0.2.0", "0.2.0")).isFalse();
        assertThat(Versions.isOlder(null, "0.2.0")).isFalse();
        assertThat(Versions.isOlder("0.1.0", null)).isFalse();
        assertThat(Versions.isOlder("banana", "0.2.0")).isFalse();
    }

    @Test
    void only_dotted_numbers_with_optional_suffixes_are_versions() {
        assertThat(Versions.isValid("0.1.0")).isTrue();
        assertThat(Versions.isValid("1")).isTrue();
        assertThat(Versions.isValid("1.2.3.4")).isTrue();
        assertThat(Versions.isValid("0.1.0-SNAPSHOT")).isTrue();
        assertThat(Versions.isValid("v0.1.0")).isFalse();
        assertThat(Versions.isValid("1.2.3.4.5")).isFalse();
        assertThat(Versions.isValid("1..2")).isFalse();
        assertThat(Versions.isValid("")).isFalse();
        assertThat(Versions.isValid("1.0 ")).isFalse();
        assertThatThrownBy(() -> Versions.compare("x", "1")).isInstanceOf(IllegalArgumentException.class);
    }
}
