package com.rateup.webhooks.webhooks.boundary;

import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.webhooks.entity.EventType;
import com.rateup.webhooks.webhooks.entity.Webhook;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code events} of every webhook's JSON, the same on the survey path, the team path and
 * {@code …/alerts}: wire names in, event types out, an unknown or unfit one refused with 400 naming it.
 */
final class EventsField {

    private EventsField() {
    }

    /** Any event type: a survey's or team webhook may take responses, alerts or both. */
    static final Set<EventType> ANY = EnumSet.allOf(EventType.class);

    /** Null when absent (the webhook keeps what it has; a new one gets the default). */
    static Set<EventType> parse(List<String> names, Set<EventType> allowed) {
        if (names == null) {
            return null;
        }
        if (names.isEmpty()) {
            throw Problems.badRequest("validation failed", "events: name at least one event type");
        }
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String name : names) {
            EventType type = EventType.ofWireName(name).orElseThrow(() -> Problems.badRequest("validation failed",
                    "events: unknown event type '" + name + "'; known: " + wireNames(EnumSet.allOf(EventType.class))));
            if (!allowed.contains(type)) {
                throw Problems.badRequest("validation failed", "events: '" + name + "' is not one of " + wireNames(allowed));
            }
            types.add(type);
        }
        return types;
    }

    static List<String> of(Webhook webhook) {
        return webhook.events().stream().map(EventType::wireName).toList();
    }

    private static String wireNames(Set<EventType> types) {
        return EnumSet.copyOf(types).stream().map(EventType::wireName).collect(Collectors.joining(", "));
    }
}
