package com.rateup.webhooks.dispatch.control;

import java.util.Optional;

/**
 * One delivery in a dispatcher's hands, under the lease held by {@code owner}. {@code @Retry}
 * invokes {@link DeliveryAttempts#deliver} again with this same object for every further attempt.
 * Whoever leased the delivery (the intake that stored it, or the claim) prepared its first attempt
 * in that transaction, so the first attempt reads nothing again; later ones read theirs from the
 * database.
 */
public final class LeasedDelivery {

    private final String deliveryId;
    private final String owner;
    private NextAttempt prepared;

    LeasedDelivery(String deliveryId, String owner, NextAttempt prepared) {
        this.deliveryId = deliveryId;
        this.owner = owner;
        this.prepared = prepared;
    }

    public String deliveryId() {
        return deliveryId;
    }

    public String owner() {
        return owner;
    }

    /** The prepared first attempt, once. */
    Optional<NextAttempt> takePrepared() {
        NextAttempt next = prepared;
        prepared = null;
        return Optional.ofNullable(next);
    }
}
