package com.rateup.webhooks.webhooks.control;

import com.rateup.webhooks.webhooks.entity.Webhook;
import com.rateup.webhooks.webhooks.entity.WebhookRemoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;

@ApplicationScoped
public class SurveyWebhooks {

    @PersistenceContext
    EntityManager em;

    @Inject
    SsrfProtection ssrf;

    @Inject
    Event<WebhookRemoved> removed;

    @Inject
    WebhookConfig config;

    public Optional<Webhook> of(String surveyId) {
        return em.createNamedQuery(Webhook.OF_SURVEY, Webhook.class)
                .setParameter("surveyId", surveyId)
                .getResultStream()
                .findFirst();
    }

    /** The survey's webhook if it is enabled: where its responses go, and what signs them. */
    public Optional<Webhook> enabledOf(String surveyId) {
        return of(surveyId).filter(Webhook::enabled);
    }

    /**
     * Deletes the webhook; its pending deliveries end in the same transaction ({@link WebhookRemoved}),
     * so they are never sent anywhere unasked, not even to a webhook the survey gets later.
     */
    @Transactional
    public void remove(Webhook webhook) {
        removed.fire(new WebhookRemoved(webhook.surveyId()));
        em.remove(webhook);
    }

    /** The webhooks of these surveys, by survey id. */
    public Map<String, Webhook> ofSurveys(Collection<String> surveyIds) {
        if (surveyIds.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(Webhook.OF_SURVEYS, Webhook.class)
                .setParameter("surveyIds", surveyIds)
                .getResultStream()
                .collect(Collectors.toMap(Webhook::surveyId, webhook -> webhook));
    }

    /**
     * Creates the survey's webhook (with a new secret) or changes its URL and switch; the secret
     * stays. The URL must already be a well-formed {@code @EndpointUrl}; here it is refused when
     * its host is not a public address (unless the operator allows private networks).
     */
    @Transactional
    public Saved save(String surveyId, URI url, boolean enabled) {
        ssrf.refusal(url).ifPresent(refusal -> {
            throw new RefusedEndpoint(refusal);
        });
        Optional<Webhook> existing = of(surveyId);
        existing.ifPresent(webhook -> webhook.change(url, enabled));
        Webhook webhook = existing.orElseGet(() -> {
            Webhook created = new Webhook(surveyId, url, enabled);
            em.persist(created);
            return created;
        });
        return new Saved(webhook, existing.isEmpty());
    }

    /** A new secret, recorded with who asked for it; the previous one keeps signing the Standard Webhooks header for {@code rateup.webhook.secret-grace-hours}. */
    @Transactional
    public Optional<Webhook> rotateSecret(String surveyId, String rotatedBy) {
        Optional<Webhook> webhook = of(surveyId);
        webhook.ifPresent(it -> it.rotateSecret(config.secretGrace(), rotatedBy));
        return webhook;
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

    public record Saved(Webhook webhook, boolean created) {
    }

    /** The endpoint's host is not a public address; the message says why, without a stack trace. */
    public static class RefusedEndpoint extends RuntimeException {

        RefusedEndpoint(String reason) {
            super(reason, null, false, false);
        }
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
