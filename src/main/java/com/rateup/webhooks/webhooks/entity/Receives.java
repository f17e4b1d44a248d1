package com.rateup.webhooks.webhooks.entity;

import java.util.Optional;
import java.util.Set;

/**
 * What a save changes in what a webhook receives: its event types, its filter and what it may see of
 * the respondent. A null member keeps what the webhook has (a new one: {@link EventType#DEFAULT}, no
 * filter, {@link PersonalData#SEND_ALL}); an empty filter removes it.
 */
public record Receives(Set<EventType> events, Optional<PayloadFilter> filter, PersonalData personalData) {

    public static final Receives UNCHANGED = new Receives(null, null, null);

    public static Receives filter(Optional<PayloadFilter> filter) {
        return new Receives(null, filter, null);
    }

    public static Receives personalData(PersonalData personalData) {
        return new Receives(null, null, personalData);
    }

    public void applyTo(Webhook webhook) {
        if (events != null) {
            webhook.subscribe(events);
        }
        if (filter != null) {
            webhook.filter(filter);
        }
        if (personalData != null) {
            webhook.personalData(personalData);
        }
    }
}
