package io.topograph.tags;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColorsTest {

    @Test
    void light_colours_get_black_text_and_dark_ones_white() {
        assertThat(Colors.readableTextOn("#ffffff")).isEqualTo("#000000");
        assertThat(Colors.readableTextOn("#ffd43b")).isEqualTo("#000000");
        assertThat(Colors.readableTextOn("#000000")).isEqualTo("#ffffff");
        assertThat(Colors.readableTextOn("#1f3a93")).isEqualTo("#ffffff");
        assertThat(Colors.readableTextOn("red")).isEqualTo("#ffffff");
    }

    @Test
    void a_tag_form_defaults_and_normalises_its_colour() {
        assertThat(new TagForm(" prod ", null).normalized()).isEqualTo(new TagForm("prod", TagForm.DEFAULT_COLOR));
        assertThat(new TagForm("prod", "#ABCDEF").normalized().color()).isEqualTo("#abcdef");
        assertThat(new TagForm("prod", "blue").normalized().validate().has("color")).isTrue();
        assertThat(new TagForm("x".repeat(41), "#000000").normalized().validate().has("name")).isTrue();
        assertThat(new TagForm("  ", "#000000").normalized().validate().has("name")).isTrue();
    }
}
