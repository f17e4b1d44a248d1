package com.rateup.webhooks.teams.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void aHashWithFewerIterationsOrAnotherAlgorithmIsOutdated() {
        assertThat(Passwords.outdated("PBKDF2WithHmacSHA256:210000:c2FsdA==:aGFzaA==")).isTrue();
        assertThat(Passwords.outdated("PBKDF2WithHmacSHA1:600000:c2FsdA==:aGFzaA==")).isTrue();
        assertThat(Passwords.outdated("something else")).isTrue();
    }

    @Test
    void aHashOfTheCurrentSettingIsNot() {
        assertThat(Passwords.outdated("PBKDF2WithHmacSHA256:600000:c2FsdA==:aGFzaA==")).isFalse();
        assertThat(Passwords.outdated("PBKDF2WithHmacSHA256:1000000:c2FsdA==:aGFzaA==")).isFalse();
    }
}
