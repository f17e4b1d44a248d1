package com.rateup.webhooks.webhooks.control;

import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
}
