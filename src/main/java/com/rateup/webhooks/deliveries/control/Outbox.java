package com.rateup.webhooks.deliveries.control;

import com.rateup.webhooks.deliveries.entity.Delivery;
import com.rateup.webhooks.responses.entity.ResponseSubmitted;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns a submitted response into one delivery row per webhook that receives it, in the intake's
 * own transaction (so the response is never stored without them), and dispatches each only after
 * that transaction commits, if the {@link EndpointGate} admits it; otherwise it waits in the
 * database for the sweep.
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
    DeliveryPolicy policy;

    @Inject
    EndpointGate gate;

    @Inject
    Event<Enqueued> enqueued;

    @Inject
    Event<TurnedAway> turnedAway;

    @Inject
    DeliveryDispatcher dispatcher;

    /**
     * For each webhook that receives the survey: a delivery, offered for dispatch if the webhook is
     * enabled; for one the system disabled (auto-disable, 410) a delivery that waits in the database
     * until the team enables it again (the sweep looks only at enabled webhooks). None for a webhook
     * the team switched off. Every delivery carries the same payload, written once.
     */
    void enqueue(@Observes ResponseSubmitted submitted) {
        var survey = submitted.survey();
        var response = submitted.response();
        List<Webhook> receiving = receivingInThisTransaction(survey.teamId(), survey.id());
        if (receiving.isEmpty()) {
            return;
        }
        String payload = PayloadWriter.payload(survey, response);
        for (Webhook webhook : receiving) {
            Delivery delivery = new Delivery(survey.teamId(), survey.id(), webhook.id(), webhook.reach(),
                    response.id(), payload, response.createdAt());
            em.persist(delivery);
            if (webhook.enabled()) {
                offer(delivery, webhook);
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

    /**
     * Leases the (pending, unheld) delivery for dispatch after commit, if the gate admits it now;
     * its first attempt then sends what was read here. Otherwise the delivery asks again after
     * commit: the dispatchers that were busy may all have finished, and looked for waiting work,
     * before this one was visible to them.
     */
    public void offer(Delivery delivery, Webhook webhook) {
        String endpoint = EndpointGate.endpointOf(webhook.url());
        gate.tryAdmit(endpoint, delivery.teamId()).ifPresentOrElse(admission -> {
            String owner = UUID.randomUUID().toString();
            Instant now = Instant.now();
            delivery.lease(owner, policy.leaseFrom(now));
            var first = DeliveryStore.NextAttempt.of(delivery, webhook, now, now);
            enqueued.fire(new Enqueued(new LeasedDelivery(delivery.id(), owner, first), admission));
        }, () -> turnedAway.fire(new TurnedAway(delivery.id(), endpoint, delivery.teamId())));
    }

    void dispatchAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Enqueued delivery) {
        dispatcher.dispatch(delivery.leased(), delivery.admission());
    }

    void releaseOnRollback(@Observes(during = TransactionPhase.AFTER_FAILURE) Enqueued delivery) {
        gate.release(delivery.admission());
    }

    void offerAgainAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) TurnedAway delivery) {
        gate.tryAdmit(delivery.endpoint(), delivery.team()).ifPresent(admission -> dispatcher.claimAndDispatch(delivery.deliveryId(), admission));
    }

    private record ReceivingOf(String surveyId) {
    }

    /** A delivery stored in the current transaction that the gate did not admit: it waits in the database. */
    public record TurnedAway(String deliveryId, String endpoint, String team) {
    }

    /** A delivery stored in the current transaction, leased to its owner and admitted. */
    public record Enqueued(LeasedDelivery leased, EndpointGate.Admission admission) {
    }
}
