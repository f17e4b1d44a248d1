package com.rateup.webhooks.health.control;

import com.rateup.webhooks.health.entity.AttemptHour;
import com.rateup.webhooks.health.entity.WebhookHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Creates a webhook's health rows when missing, in a transaction of its own: two attempts that
 * race to create the same row make one of these fail (a duplicate key), not their bookkeeping.
 */
@ApplicationScoped
public class HealthRows {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create(String webhookId, Instant now) {
        if (em.find(WebhookHealth.class, webhookId) == null) {
            em.persist(new WebhookHealth(webhookId, now));
        }
        if (em.find(AttemptHour.class, AttemptHour.idOf(webhookId, now)) == null) {
            em.persist(AttemptHour.of(webhookId, now));
        }
        em.flush();
    }
}
