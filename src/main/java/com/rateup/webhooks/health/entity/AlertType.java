package com.rateup.webhooks.health.entity;

import com.rateup.webhooks.webhooks.entity.EventType;
import java.util.Optional;

/** What an alert to a team says; its {@code type} field is the {@link #wireName()}. */
public enum AlertType {
    /** The first failure after a success (or after a quiet spell), once. */
    WEBHOOK_FAILING(EventType.WEBHOOK_FAILING),
    /** Its answers' p95 climbed above 60 % of the timeout. */
    WEBHOOK_SLOW(EventType.WEBHOOK_SLOW),
    /** It showed signs of being down; its deliveries wait for it. */
    WEBHOOK_CIRCUIT_OPEN(EventType.WEBHOOK_CIRCUIT_OPEN),
    /** Disabled by the system: it answered 410 Gone, or failed for rateup.webhook.auto-disable-after. */
    WEBHOOK_DISABLED(EventType.WEBHOOK_DISABLED),
    /** It answers well again after failing, being slow, down or disabled. */
    WEBHOOK_RECOVERED(EventType.WEBHOOK_RECOVERED),
    /** A delivery used up its retries; it names the delivery and the response. */
    DELIVERY_FAILED(EventType.DELIVERY_FAILED),
    /** Sent by hand to an alert subscriber, to check the receiver; nobody subscribes to it. */
    TEST(null);

    private final EventType event;

    AlertType(EventType event) {
        this.event = event;
    }

    /** The event type webhooks subscribe to for it; null for {@link #TEST}. */
    public EventType event() {
        return event;
    }

    public String wireName() {
        return event == null ? "test" : event.wireName();
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
