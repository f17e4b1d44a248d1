package com.rateup.webhooks.webhooks.entity;

import java.util.Optional;
import java.util.Set;

/**
 * What a save changes in what a webhook receives: its event types and its filter. A null member keeps
 * what the webhook has (a new one: {@link EventType#DEFAULT}, no filter); an empty filter removes it.
 */
public record Receives(Set<EventType> events, Optional<PayloadFilter> filter) {

    public static final Receives UNCHANGED = new Receives(null, null);

    public void applyTo(Webhook webhook) {
        if (events != null) {
            webhook.subscribe(events);
        }
        if (filter != null) {
            webhook.filter(filter);
        }
    }
}
