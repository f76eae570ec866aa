package io.topograph.topology.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XmlTest {

    @Test
    void markup_characters_are_escaped_and_control_characters_dropped() {
        assertThat(Xml.escape("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assertThat(Xml.escape("a\u0000b\u0007c")).isEqualTo("abc");
        assertThat(Xml.escape("plain")).isSameAs("plain");
        assertThat(Xml.escape(null)).isEmpty();
    }

    @Test
    void numbers_are_written_with_at_most_one_decimal_whatever_the_locale() {
        assertThat(Xml.num(12)).isEqualTo("12");
        assertThat(Xml.num(12.25)).isEqualTo("12.3");
        assertThat(Xml.num(-3.2)).isEqualTo("-3.2");
        assertThat(Xml.num(-0.04)).isEqualTo("0");
    }

    @Test
    void long_text_is_cut_with_an_ellipsis() {
        assertThat(Xml.truncate("abcdefgh", 5)).isEqualTo("abcd…");
        assertThat(Xml.truncate("abc", 5)).isEqualTo("abc");
    }
}
