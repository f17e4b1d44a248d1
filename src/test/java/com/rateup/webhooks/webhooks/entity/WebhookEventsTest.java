package com.rateup.webhooks.webhooks.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a webhook subscribes to, and the text the queries match it by. */
class WebhookEventsTest {

    private static final URI URL = URI.create("https://hooks.example.com/a");

    @Test
    void aWebhookTakesResponsesAndTheAlertEndpointEveryAlertTypeByDefault() {
        assertThat(Webhook.ofSurvey("team", "survey", URL, true).events()).containsExactly(EventType.RESPONSE_CREATED);
        assertThat(Webhook.ofTeam("team", URL, true, null, Webhook.Scope.ALL).events()).containsExactly(EventType.RESPONSE_CREATED);
        Webhook alerts = Webhook.forAlerts("team", URL, true);
        assertThat(alerts.events()).isEqualTo(EventType.ALERTS).doesNotContain(EventType.RESPONSE_CREATED);
    }

    @Test
    void itReceivesExactlyWhatItSubscribedToWhateverTheOrderGiven() {
        Webhook webhook = Webhook.ofTeam("team", URL, true, null, Webhook.Scope.ALL);
        webhook.subscribe(Set.of(EventType.DELIVERY_FAILED, EventType.WEBHOOK_FAILING));

        assertThat(webhook.events()).containsExactly(EventType.WEBHOOK_FAILING, EventType.DELIVERY_FAILED);
        assertThat(webhook.receives(EventType.WEBHOOK_FAILING)).isTrue();
        assertThat(webhook.receives(EventType.RESPONSE_CREATED)).isFalse();
        assertThat(webhook.receives(EventType.WEBHOOK_RECOVERED)).isFalse();
    }

    @Test
    void everyTypeHasAPatternThatMatchesOnlyItself() {
        for (EventType type : EventType.values()) {
            String pattern = Webhook.subscribedPattern(type).replace("%", "");
            for (EventType other : EnumSet.complementOf(EnumSet.of(type))) {
                assertThat("," + other.wireName() + ",").doesNotContain(pattern);
            }
        }
    }
}
