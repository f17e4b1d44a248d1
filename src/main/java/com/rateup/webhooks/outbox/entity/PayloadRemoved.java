package com.rateup.webhooks.outbox.entity;

/** Why a delivery's payload (and its receiver's answers) are no longer kept; the delivery stays in the log. */
public enum PayloadRemoved {
    /** Older than {@code rateup.delivery.payload-retention}. */
    EXPIRED,
    /** The respondent's data was erased at the team's request. */
    ERASED;

    /** The sentence the log and a refused redelivery show. */
    public String explanation() {
        return switch (this) {
            case EXPIRED -> "its payload was removed after rateup.delivery.payload-retention";
            case ERASED -> "its payload was removed when the respondent's data was erased";
        };
    }
}
