package io.topograph.platform.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordsTest {

    @Test
    void a_hash_is_argon2id_in_phc_format_salted_and_verifies_only_the_right_password() {
        String hash = Passwords.hash("correct horse");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(Passwords.hash("correct horse")).isNotEqualTo(hash);
        assertThat(Passwords.verify("correct horse", hash)).isTrue();
        assertThat(Passwords.verify("correct horsE", hash)).isFalse();
    }

    @Test
    void malformed_hashes_never_verify() {
        assertThat(Passwords.verify("x", "plain")).isFalse();
        assertThat(Passwords.verify("x", "$bcrypt$v=1$m=1,t=1,p=1$aa$bb")).isFalse();
        assertThat(Passwords.verify(null, Passwords.hash("x"))).isFalse();
    }

    @Test
    void tokens_are_random_url_safe_and_hash_to_32_bytes() {
        String a = SecureTokens.random();
        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(SecureTokens.random());
        assertThat(SecureTokens.sha256(a)).hasSize(32);
        assertThat(SecureTokens.constantTimeEquals(a, a)).isTrue();
        assertThat(SecureTokens.constantTimeEquals(a, null)).isFalse();
    }
}
