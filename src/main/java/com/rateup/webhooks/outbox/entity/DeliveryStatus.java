package com.rateup.webhooks.outbox.entity;

public enum DeliveryStatus {
    /** Waiting for its next attempt (or in one). */
    PENDING,
    /** A 2xx arrived within the timeout. */
    DELIVERED,
    /** Every attempt failed; only a manual redelivery sends it again. */
    FAILED
}
