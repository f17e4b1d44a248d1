package com.rateup.webhooks.teams.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private LoginThrottle throttle;
    private final Instant now = Instant.parse("2026-11-28T12:00:00Z");

    @BeforeEach
    void fiveFailuresThenThirtySeconds() {
        throttle = new LoginThrottle();
        throttle.config = new TeamConfig();
        throttle.config.loginMaxFailures = 5;
        throttle.config.loginLockout = Duration.ofSeconds(30);
    }

    @Test
    void theFifthFailureInARowLocksTheNameAndEachFurtherOneDoublesTheLockUpToFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("Alice", now);
        }
        assertThat(throttle.lockedFor("alice", now)).isEmpty();

        throttle.failed(" alice ", now);
        assertThat(throttle.lockedFor("ALICE", now)).contains(Duration.ofSeconds(30));
        assertThat(throttle.lockedFor("alice", now.plusSeconds(30))).isEmpty();
        assertThat(throttle.lockedFor("bob", now)).isEmpty();

        throttle.failed("alice", now.plusSeconds(31));
        assertThat(throttle.lockedFor("alice", now.plusSeconds(31))).contains(Duration.ofSeconds(60));
        for (int i = 0; i < 10; i++) {
            throttle.failed("alice", now.plusSeconds(40));
        }
        assertThat(throttle.lockedFor("alice", now.plusSeconds(40))).contains(LoginThrottle.LONGEST_LOCKOUT);
    }

    @Test
    void aSuccessOrFifteenQuietMinutesStartTheCountAfresh() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", now);
        }
        throttle.succeeded("alice");
        throttle.failed("alice", now);
        assertThat(throttle.lockedFor("alice", now)).isEmpty();

        for (int i = 0; i < 3; i++) {
            throttle.failed("alice", now);
        }
        throttle.failed("alice", now.plus(Duration.ofMinutes(16)));
        assertThat(throttle.lockedFor("alice", now.plus(Duration.ofMinutes(16)))).isEmpty();
    }
}
