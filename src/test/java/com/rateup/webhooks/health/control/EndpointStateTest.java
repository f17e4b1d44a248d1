package com.rateup.webhooks.health.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.rateup.webhooks.health.entity.AttemptHour;
import com.rateup.webhooks.health.entity.EndpointState;
import com.rateup.webhooks.health.entity.WebhookHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointStateTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:17:00Z");
    private static final long TIMEOUT_MS = 5000;

    @Test
    void aWebhookWithoutAttemptsIsIdleAndASwitchedOffOneIsDisabled() {
        WebhookHealth fresh = new WebhookHealth("w", NOW);
        assertThat(state(true, fresh, recent())).isEqualTo(EndpointState.IDLE);
        assertThat(state(false, fresh, recent())).isEqualTo(EndpointState.DISABLED);

        WebhookHealth longAgo = new WebhookHealth("w", NOW);
        longAgo.attempted(true, NOW.minus(Duration.ofHours(25)), null);
        assertThat(state(true, longAgo, recent())).isEqualTo(EndpointState.IDLE);
    }

    @Test
    void aFailureMakesItFailingAnOpenCircuitSaysSoAndASuccessHeals() {
        WebhookHealth health = new WebhookHealth("w", NOW);
        health.attempted(false, NOW, null);
        assertThat(state(true, health, recent())).isEqualTo(EndpointState.FAILING);

        health.attempted(false, NOW, NOW.plusSeconds(30));
        assertThat(state(true, health, recent())).isEqualTo(EndpointState.CIRCUIT_OPEN);
        assertThat(health.consecutiveFailures()).isEqualTo(2);

        health.attempted(true, NOW, null);
        assertThat(state(true, health, recent())).isEqualTo(EndpointState.HEALTHY);
        assertThat(health.consecutiveFailures()).isZero();
    }

    @Test
    void successesWhoseP95IsAboveSixtyPercentOfTheTimeoutAreSlowOnceThereAreEnough() {
        WebhookHealth health = new WebhookHealth("w", NOW);
        health.attempted(true, NOW, null);

        assertThat(state(true, health, recent(3400, 3400, 3400, 3400))).as("too few to tell").isEqualTo(EndpointState.HEALTHY);
        assertThat(state(true, health, recent(3400, 3400, 3400, 3400, 3400))).isEqualTo(EndpointState.SLOW);
        assertThat(state(true, health, recent(2500, 2500, 2500, 2500, 2500))).isEqualTo(EndpointState.HEALTHY);
    }

    @Test
    void aStateChangeIsReportedOnce() {
        WebhookHealth health = new WebhookHealth("w", NOW);
        assertThat(health.moveTo(EndpointState.FAILING, NOW)).isTrue();
        assertThat(health.moveTo(EndpointState.FAILING, NOW)).isFalse();
        assertThat(health.state()).isEqualTo(EndpointState.FAILING);
    }

    private static EndpointState state(boolean enabled, WebhookHealth health, AttemptHour.Summary recent) {
        return EndpointHealth.stateOf(enabled, health, () -> recent, TIMEOUT_MS, NOW);
    }

    private static AttemptHour.Summary recent(long... durationsMs) {
        AttemptHour hour = AttemptHour.of("w", NOW);
        for (long duration : durationsMs) {
            hour.add(true, duration);
        }
        return AttemptHour.summarize(List.of(hour));
    }
}
