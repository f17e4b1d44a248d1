package com.rateup.webhooks.health.control;

import com.rateup.webhooks.health.entity.AlertType;
import com.rateup.webhooks.outbox.control.DeliveryDue;
import com.rateup.webhooks.outbox.control.PayloadWriter;
import com.rateup.webhooks.outbox.entity.Delivery;
import com.rateup.webhooks.platform.control.JavaScriptJson;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Alerts to a team about its webhooks, POSTed to the team's alert endpoint. An alert is a delivery
 * (written in the transaction that noticed what it reports, so it is never lost nor raised twice;
 * retried, signed with the alert endpoint's secret, isolated like any other), whose payload is
 * {@code {"type","teamId","surveyId","webhookId","webhookUrl","at","reason"}} plus
 * {@code "deliveryId","responseId"} for {@code delivery.failed}. Nothing alerts about an alert.
 */
@ApplicationScoped
public class TeamAlerts {

    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext
    EntityManager em;

    @Inject
    TeamWebhooks webhooks;

    @Inject
    Event<DeliveryDue> due;

    /** Raises the alert in the current transaction: a delivery to each of the team's webhooks subscribed to its type whose filter it matches. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raise(AlertType type, Webhook subject, String reason, Delivery failed) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String payload = payload(type, subject, at, reason, failed);
        webhooks.subscribedTo(subject.teamId(), type.event()).stream()
                .filter(subscriber -> subscriber.enabled() || subscriber.waitsForReenabling())
                .filter(subscriber -> subscriber.wants(payload))
                .forEach(subscriber -> {
                    Delivery alert = Delivery.alert(subject.teamId(), surveyOf(subject, failed), subscriber.id(), payload, at);
                    em.persist(alert);
                    if (subscriber.enabled()) {
                        due.fire(new DeliveryDue(alert, subscriber));
                    }
                });
    }

    /** The body of an alert, compact and in this key order. */
    static String payload(AlertType type, Webhook subject, Instant at, String reason, Delivery failed) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("type", type.wireName())
                .add("teamId", subject.teamId())
                .add("surveyId", surveyOf(subject, failed) == null ? JsonValue.NULL : JSON.createValue(surveyOf(subject, failed)))
                .add("webhookId", subject.id())
                .add("webhookUrl", subject.url().toString())
                .add("at", PayloadWriter.timestamp(at))
                .add("reason", reason);
        if (failed != null) {
            body.add("deliveryId", failed.id()).add("responseId", failed.responseId());
        }
        return JavaScriptJson.stringify(body.build());
    }

    /** The survey the alert is about: the failed delivery's, or the webhook's own survey; null for a team webhook. */
    private static String surveyOf(Webhook subject, Delivery failed) {
        return failed != null ? failed.surveyId() : subject.ownerSurveyId().orElse(null);
    }

    /** The body of a sample alert for the alert settings' test button (sent signed, not stored, not retried). */
    public static String sample(Webhook alerts, Instant at) {
        return JavaScriptJson.stringify(JSON.createObjectBuilder()
                .add("type", AlertType.TEST.wireName())
                .add("teamId", alerts.teamId())
                .add("surveyId", JsonValue.NULL)
                .add("webhookId", UUID.randomUUID().toString())
                .add("webhookUrl", "https://hooks.example.com/sample")
                .add("at", PayloadWriter.timestamp(at))
                .add("reason", "a test alert sent from the alert settings")
                .build());
    }
}
