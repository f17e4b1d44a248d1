package com.rateup.webhooks.webhooks.entity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a webhook subscribes to (its {@code events}): responses, or alerts about the team's webhooks
 * (ADR 0011). A team may have any number of alert subscribers; its alert endpoint ({@code …/alerts})
 * is the one that takes every alert type and nothing else.
 */
public enum EventType {
    /** A respondent submitted a response: the seed's payload. */
    RESPONSE_CREATED("response.created"),
    WEBHOOK_FAILING("webhook.failing"),
    WEBHOOK_SLOW("webhook.slow"),
    WEBHOOK_CIRCUIT_OPEN("webhook.circuit_open"),
    WEBHOOK_DISABLED("webhook.disabled"),
    WEBHOOK_RECOVERED("webhook.recovered"),
    DELIVERY_FAILED("delivery.failed");

    /** What a webhook receives unless it says otherwise. */
    public static final Set<EventType> DEFAULT = Set.of(RESPONSE_CREATED);
    public static final Set<EventType> ALERTS = Set.copyOf(EnumSet.range(WEBHOOK_FAILING, DELIVERY_FAILED));

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
