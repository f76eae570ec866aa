package io.topograph.users;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeNextTest {
    @Test
    void only_local_absolute_paths_are_followed_after_login() {
        assertThat(AuthController.safeNext("/invites/abc")).isEqualTo("/invites/abc");
        assertThat(AuthController.safeNext("//evil.example")).isNull();
        assertThat(AuthController.safeNext("/\\evil.example")).isNull();
        assertThat(AuthController.safeNext("https://evil.example")).isNull();
        assertThat(AuthController.safeNext(null)).isNull();
    }
}
