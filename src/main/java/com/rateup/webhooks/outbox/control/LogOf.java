package com.rateup.webhooks.outbox.control;

import com.rateup.webhooks.outbox.entity.Delivery;

/** Which delivery log: a survey's ({@code surveyId}: what went to its own webhook, a deleted one's included) or a webhook's. */
public record LogOf(String surveyId, String webhookId) {

    public static LogOf survey(String surveyId) {
        return new LogOf(surveyId, null);
    }

    public static LogOf webhook(String webhookId) {
        return new LogOf(null, webhookId);
    }

    boolean holds(Delivery delivery) {
        return surveyId != null
                ? delivery.toSurveyWebhook() && delivery.surveyId().equals(surveyId)
                : webhookId.equals(delivery.webhookId());
    }
}
