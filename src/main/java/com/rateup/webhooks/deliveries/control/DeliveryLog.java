package com.rateup.webhooks.deliveries.control;

import com.rateup.webhooks.deliveries.entity.Delivery;
import com.rateup.webhooks.deliveries.entity.DeliveryStatus;
import com.rateup.webhooks.webhooks.control.SurveyWebhooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A survey's deliveries, newest first, and redelivery by hand. Callers have checked the survey is the caller's. */
@ApplicationScoped
public class DeliveryLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    SurveyWebhooks webhooks;

    @Inject
    Outbox outbox;

    /** {@code status} null: all. */
    public List<Delivery> page(String surveyId, DeliveryStatus status, int first, int max) {
        var query = status == null
                ? em.createNamedQuery(Delivery.OF_SURVEY, Delivery.class)
                : em.createNamedQuery(Delivery.OF_SURVEY_WITH_STATUS, Delivery.class).setParameter("status", status);
        return query.setParameter("surveyId", surveyId)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public long count(String surveyId, DeliveryStatus status) {
        var query = status == null
                ? em.createNamedQuery(Delivery.COUNT_OF_SURVEY, Long.class)
                : em.createNamedQuery(Delivery.COUNT_OF_SURVEY_WITH_STATUS, Long.class).setParameter("status", status);
        return query.setParameter("surveyId", surveyId).getSingleResult();
    }

    public Optional<Delivery> find(String surveyId, String deliveryId) {
        return Optional.ofNullable(deliveryId == null ? null : em.find(Delivery.class, deliveryId))
                .filter(delivery -> delivery.surveyId().equals(surveyId));
    }

    /**
     * Sends it again with the same {@code x-webhook-id} and a fresh round of attempts, unless an
     * attempt is running right now ({@code started} false). With the webhook disabled it waits
     * until the webhook is enabled again. Empty when the survey has no such delivery.
     */
    @Transactional
    public Optional<Redelivery> redeliver(String surveyId, String deliveryId) {
        return find(surveyId, deliveryId).map(delivery -> {
            if (!delivery.redeliver(Instant.now())) {
                return new Redelivery(delivery, false);
            }
            webhooks.enabledOf(surveyId).ifPresent(webhook -> outbox.offer(delivery, webhook));
            return new Redelivery(delivery, true);
        });
    }

    public record Redelivery(Delivery delivery, boolean started) {
    }
}
