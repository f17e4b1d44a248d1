package com.rateup.webhooks.deliveries.control;

import java.util.Optional;

/**
 * A dispatcher's round of attempts at one delivery, under the lease held by {@code owner}.
 * {@code @Retry} invokes {@link DeliveryAttempts#deliver} again with this same object for every
 * further attempt. The round starts with its first turn, read by whoever leased the delivery (the
 * intake that stored it, or the claim), so the first attempt reads nothing again; the later
 * ones read theirs from the database.
 */
public final class Round {

    private final String deliveryId;
    private final String owner;
    private DeliveryStore.Turn prepared;

    Round(String deliveryId, String owner, DeliveryStore.Turn prepared) {
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

    /** The prepared first turn, once. */
    Optional<DeliveryStore.Turn> takePrepared() {
        DeliveryStore.Turn turn = prepared;
        prepared = null;
        return Optional.ofNullable(turn);
    }
}
