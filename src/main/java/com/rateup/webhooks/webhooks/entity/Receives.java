package com.rateup.webhooks.webhooks.entity;

import java.util.Optional;
import java.util.Set;

/**
 * What a save changes in what a webhook receives and how it reaches the receiver: its event types, its
 * filter, what it may see of the respondent and what the receiver requires besides the signature. A null
 * member keeps what the webhook has (a new one: {@link EventType#DEFAULT}, no filter, everything of the
 * respondent, no authentication); an empty filter removes it.
 */
public record Receives(Set<EventType> events, Optional<PayloadFilter> filter, PersonalData personalData, EndpointAuthentication authentication) {

    public static final Receives UNCHANGED = new Receives(null, null, null, null);

    public static Receives filter(Optional<PayloadFilter> filter) {
        return new Receives(null, filter, null, null);
    }

    public static Receives personalData(PersonalData personalData) {
        return new Receives(null, null, personalData, null);
    }

    public static Receives authentication(EndpointAuthentication authentication) {
        return new Receives(null, null, null, authentication);
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
        if (authentication != null) {
            webhook.authenticate(authentication);
        }
    }
}
