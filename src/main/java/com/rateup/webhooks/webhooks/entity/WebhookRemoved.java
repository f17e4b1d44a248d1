package com.rateup.webhooks.webhooks.entity;

/** Fired in the transaction that deletes a webhook: what waited for it must end there too. */
public record WebhookRemoved(String webhookId) {
}
