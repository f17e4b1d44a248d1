package com.rateup.webhooks.outbox.control;

import com.rateup.webhooks.outbox.entity.Delivery;
import com.rateup.webhooks.responses.entity.ResponseSubmitted;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.PersonalData;
import com.rateup.webhooks.webhooks.entity.Webhook;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a submitted response into one delivery row per webhook that receives it, in the intake's
 * own transaction (so the response is never stored without them), each announced as
 * {@link DeliveryDue}: the dispatcher may take it at once, else it waits in the database for the sweep.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    TeamWebhooks webhooks;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Inject
    Event<DeliveryDue> due;

    @Inject
    MeterRegistry registry;

    @Inject
    Pseudonyms pseudonyms;

    private Counter filteredOut;

    @PostConstruct
    void register() {
        filteredOut = Counter.builder("rateup.deliveries.filtered")
                .description("Deliveries not made because the payload did not match the webhook's filter")
                .register(registry);
    }

    /**
     * For each webhook that receives the survey: a delivery, announced as due if the webhook is
     * enabled; for one the system disabled (auto-disable, 410) a delivery that waits in the database
     * until the team enables it again (the sweep looks only at enabled webhooks). None for a webhook
     * the team switched off, and none for a webhook whose filter the payload does not match (nothing in its
     * log: a row per response it does not want would cost a write each and bury what it does get; the count is
     * at {@code rateup.deliveries.filtered}). Each delivery carries the payload as its webhook's personal-data
     * policy shapes it (written once per policy), and the filter sees that payload: what is sent.
     */
    void enqueue(@Observes ResponseSubmitted submitted) {
        var survey = submitted.survey();
        var response = submitted.response();
        List<Webhook> receiving = receivingInThisTransaction(survey.teamId(), survey.id());
        if (receiving.isEmpty()) {
            return;
        }
        Map<PersonalData, Shaped> shapes = new HashMap<>(2);
        for (Webhook webhook : receiving) {
            Shaped shaped = shapes.computeIfAbsent(webhook.personalData(),
                    policy -> new Shaped(PayloadWriter.payload(survey, response, policy, pseudonyms.ofTeam(survey.teamId()))));
            String payload = shaped.payload();
            if (webhook.filter().isPresent() && !webhook.filter().get().matches(shaped.document())) {
                filteredOut.increment();
                continue;
            }
            Delivery delivery = new Delivery(survey.teamId(), survey.id(), webhook.id(), webhook.reach(),
                    response.id(), payload, response.createdAt(), submitted.traceParent());
            em.persist(delivery);
            if (webhook.enabled()) {
                due.fire(new DeliveryDue(delivery, webhook));
            }
        }
    }

    /**
     * Read once per survey and transaction: the intake stores many responses to a survey in one
     * (group commit); a webhook saved meanwhile counts from the next one, as if those responses had
     * arrived a moment earlier.
     */
    @SuppressWarnings("unchecked")
    private List<Webhook> receivingInThisTransaction(String teamId, String surveyId) {
        var key = new ReceivingOf(surveyId);
        var known = (List<Webhook>) transaction.getResource(key);
        if (known == null) {
            known = webhooks.receiving(teamId, surveyId).stream()
                    .filter(webhook -> webhook.enabled() || webhook.waitsForReenabling())
                    .toList();
            transaction.putResource(key, known);
        }
        return known;
    }

    private record ReceivingOf(String surveyId) {
    }

    /** A payload as one personal-data policy shapes it, parsed only if a webhook's filter asks. */
    private static final class Shaped {

        private final String payload;
        private JsonObject document;

        Shaped(String payload) {
            this.payload = payload;
        }

        String payload() {
            return payload;
        }

        JsonObject document() {
            if (document == null) {
                document = PayloadWriter.document(payload);
            }
            return document;
        }
    }
}
