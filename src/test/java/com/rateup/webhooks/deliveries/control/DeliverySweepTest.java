package com.rateup.webhooks.deliveries.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliverySweepTest {

    private static DeliveryStore.DueWebhook due(String team, String webhook) {
        return new DeliveryStore.DueWebhook(team, webhook, URI.create("https://hooks.example/" + webhook));
    }

    @Test
    void teamsTakeTurnsEachWithItsOldestDueWebhookFirst() {
        List<DeliveryStore.DueWebhook> oldestDueFirst = List.of(due("a", "a1"), due("a", "a2"), due("a", "a3"),
                due("b", "b1"), due("a", "a4"), due("c", "c1"), due("b", "b2"));

        assertThat(DeliverySweep.takingTeamsInTurn(oldestDueFirst)).extracting(DeliveryStore.DueWebhook::webhookId)
                .containsExactly("a1", "b1", "c1", "a2", "b2", "a3", "a4");
    }
}
