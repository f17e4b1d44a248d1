package com.rateup.webhooks.webhooks.control;

import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class SurveyWebhooks {

    @PersistenceContext
    EntityManager em;

    public Optional<Webhook> of(String surveyId) {
        return em.createNamedQuery(Webhook.OF_SURVEY, Webhook.class)
                .setParameter("surveyId", surveyId)
                .getResultStream()
                .findFirst();
    }

    /**
     * Notes that the survey's receiver failed an attempt. Bulk updates, here and below: they must
     * not conflict with an admin editing the settings at the same moment.
     */
    public void markFailing(String surveyId, Instant now) {
        em.createNamedQuery(Webhook.MARK_FAILING).setParameter("surveyId", surveyId).setParameter("now", now).executeUpdate();
    }

    public void markHealthy(String surveyId) {
        em.createNamedQuery(Webhook.MARK_HEALTHY).setParameter("surveyId", surveyId).executeUpdate();
    }

    /** Stops deliveries to the survey's webhook, keeping them pending until it is enabled again. */
    public void disable(String surveyId, String reason, Instant now) {
        em.createNamedQuery(Webhook.DISABLE)
                .setParameter("surveyId", surveyId)
                .setParameter("reason", reason)
                .setParameter("now", now)
                .executeUpdate();
    }
}
