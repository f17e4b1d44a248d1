package com.rateup.webhooks.deliveries.entity;

import java.util.Optional;

/** What an alert to a team says; its {@code type} field is the {@link #wireName()}. */
public enum AlertType {
    /** The first failure after a success (or after a quiet spell), once. */
    WEBHOOK_FAILING("webhook.failing"),
    /** Its answers' p95 climbed above 60 % of the timeout. */
    WEBHOOK_SLOW("webhook.slow"),
    /** It showed signs of being down; its deliveries wait for it. */
    WEBHOOK_CIRCUIT_OPEN("webhook.circuit_open"),
    /** Disabled by the system: it answered 410 Gone, or failed for rateup.webhook.auto-disable-after. */
    WEBHOOK_DISABLED("webhook.disabled"),
    /** It answers well again after failing, being slow, down or disabled. */
    WEBHOOK_RECOVERED("webhook.recovered"),
    /** A delivery used up its retries; it names the delivery and the response. */
    DELIVERY_FAILED("delivery.failed"),
    /** Sent by hand from the alert settings, to check the receiver. */
    TEST("test");

    private final String wireName;

    AlertType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The alert a change of an endpoint's state raises, if any. */
    public static Optional<AlertType> ofChange(EndpointState before, EndpointState after) {
        return Optional.ofNullable(switch (after) {
            case FAILING -> WEBHOOK_FAILING;
            case SLOW -> WEBHOOK_SLOW;
            case CIRCUIT_OPEN -> WEBHOOK_CIRCUIT_OPEN;
            case DISABLED -> WEBHOOK_DISABLED;
            case HEALTHY -> before == EndpointState.IDLE ? null : WEBHOOK_RECOVERED;
            case IDLE -> null;
        });
    }
}
