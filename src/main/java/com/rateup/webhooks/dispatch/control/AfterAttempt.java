package com.rateup.webhooks.dispatch.control;

import java.time.Instant;

/**
 * What follows an attempt, decided in one place ({@link DeliveryStore#recordAndContinue}) from the
 * attempt's result, the delivery's row and its webhook's and endpoint's state (ADR 0001).
 */
public sealed interface AfterAttempt {

    /** A 2xx: done. */
    record Delivered() implements AfterAttempt {
    }

    /** The round is used up, or the receiver answered 410 (its webhook is disabled): {@code FAILED}. */
    record Failed() implements AfterAttempt {
    }

    /** The next attempt is due within {@code rateup.delivery.max-inline-wait}: the dispatcher's thread keeps the lease and waits. */
    record RetryInline(Instant at) implements AfterAttempt {
    }

    /** A longer wait: the lease is given back and the sweep takes the delivery when it is due. */
    record WaitInDatabase(Instant until) implements AfterAttempt {
    }

    /**
     * The endpoint is down (its circuit opened or stays open, or it did not answer through one failure of
     * its webhook): the attempt did not use up the round; the delivery waits, probed at {@code next}, and
     * goes as soon as the endpoint answers again.
     */
    record WaitingForEndpoint(Instant since, Instant next) implements AfterAttempt {
    }

    /** The lease was lost meanwhile (it ran out and another dispatcher took the delivery): nothing recorded. */
    record LeaseLost() implements AfterAttempt {
    }
}
