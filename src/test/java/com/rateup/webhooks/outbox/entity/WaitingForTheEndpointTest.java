package com.rateup.webhooks.outbox.entity;

import static org.assertj.core.api.Assertions.assertThat;

import com.rateup.webhooks.webhooks.entity.Reach;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which attempts without an answer use up a delivery's round (#30): only those that do not meet it waiting through one failure. */
class WaitingForTheEndpointTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static final AttemptResult REFUSED = AttemptResult.failed(T0, 3, "connection refused");

    private final Delivery delivery = new Delivery("team", "survey", "webhook", Reach.SURVEY, "response", "{}", T0);

    @Test
    void aFirstAttemptWithoutAnAnswerFindsTheDeliveryNotWaiting() {
        assertThat(delivery.waitingThrough(null)).isFalse();
        assertThat(delivery.waitingThrough(T0)).isFalse();
    }

    @Test
    void afterItTheDeliveryWaitsThroughTheWebhooksFailureThatBeganNoLater() {
        delivery.record(REFUSED, 4, Duration.ofSeconds(1), T0.plusSeconds(5));

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.unreachableSince()).isEqualTo(T0.plusSeconds(5));
        assertThat(delivery.waitingThrough(T0)).as("the failure began before it waited").isTrue();
        assertThat(delivery.waitingThrough(T0.plusSeconds(5))).as("the failure its wait began with").isTrue();
    }

    @Test
    void aSuccessOfTheWebhookSinceEndsTheWaitForTheNextAttempt() {
        delivery.record(REFUSED, 4, Duration.ofSeconds(1), T0.plusSeconds(5));

        assertThat(delivery.waitingThrough(null)).as("no failure now: something succeeded").isFalse();
        assertThat(delivery.waitingThrough(T0.plusSeconds(6))).as("a new failure, after a success").isFalse();
    }

    @Test
    void anAttemptInTheWaitDoesNotUseUpTheRoundAndKeepsTheLease() {
        delivery.lease("owner", T0.plusSeconds(60));
        delivery.record(REFUSED, 2, Duration.ofSeconds(1), T0);
        for (int i = 0; i < 10; i++) {
            delivery.recordWaitingForEndpoint(REFUSED, delivery.unreachableSince(), T0.plusSeconds(i));
        }

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.attemptCountInRound()).isEqualTo(1);
        assertThat(delivery.nextAttemptAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(delivery.leasedTo("owner")).isTrue();
    }

    @Test
    void anAnsweredFailureEndsTheWait() {
        delivery.record(REFUSED, 4, Duration.ofSeconds(1), T0);
        delivery.record(AttemptResult.answered(T0, 3, 500, "", null), 4, Duration.ofSeconds(1), null);

        assertThat(delivery.unreachableSince()).isNull();
        assertThat(delivery.waitingThrough(T0)).isFalse();
    }

    @Test
    void onlyASentAttemptWithoutAStatusIsNoAnswer() {
        assertThat(REFUSED.noAnswer()).isTrue();
        assertThat(REFUSED.receiverUnavailable()).isTrue();
        AttemptResult refusedByEgressRules = AttemptResult.notSent(T0, "the endpoint resolves to a private address");
        assertThat(refusedByEgressRules.noAnswer()).isFalse();
        assertThat(refusedByEgressRules.receiverUnavailable()).as("says nothing of the receiver").isFalse();
        AttemptResult unavailable = AttemptResult.answered(T0, 3, 503, "", null);
        assertThat(unavailable.noAnswer()).as("an answer, if a bad one: the seed's retries").isFalse();
        assertThat(unavailable.receiverUnavailable()).isTrue();
    }
}
