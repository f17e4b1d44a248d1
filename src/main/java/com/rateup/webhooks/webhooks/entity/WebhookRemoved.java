package com.rateup.webhooks.webhooks.entity;

/** Fired in the transaction that deletes a survey's webhook: what waited for it must end there too. */
public record WebhookRemoved(String surveyId) {
}
