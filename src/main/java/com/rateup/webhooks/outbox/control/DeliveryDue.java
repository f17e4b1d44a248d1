package com.rateup.webhooks.outbox.control;

import com.rateup.webhooks.outbox.entity.Delivery;
import com.rateup.webhooks.webhooks.entity.Webhook;

/**
 * A delivery stored or made due again in the current transaction, pending, held by nobody and due now,
 * to its enabled {@code webhook}: whoever dispatches may take it when the transaction commits. Those who
 * write deliveries announce them this way instead of calling the dispatcher, which depends on them.
 */
public record DeliveryDue(Delivery delivery, Webhook webhook) {
}
