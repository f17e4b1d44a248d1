package com.rateup.webhooks.dispatch.control;

import com.rateup.webhooks.outbox.control.DeliveryDue;
import com.rateup.webhooks.outbox.control.DeliveryPolicy;
import com.rateup.webhooks.outbox.entity.Delivery;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/**
 * The way in for a delivery that is due now (a response's, an alert's, a redelivery's): dispatched
 * right after the transaction that stored it commits, if the {@link EndpointGate} admits it, without
 * waiting for the sweep; otherwise it waits in the database (ADR 0009, the intake's fast path).
 */
@ApplicationScoped
public class ImmediateDispatch {

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
     * Leases the (pending, unheld) delivery for dispatch after commit, if the gate admits it now;
     * its first attempt then sends what was read here. Otherwise the delivery asks again after
     * commit: the dispatchers that were busy may all have finished, and looked for waiting work,
     * before this one was visible to them.
     */
    void offer(@Observes DeliveryDue due) {
        Delivery delivery = due.delivery();
        Webhook webhook = due.webhook();
        String endpoint = EndpointGate.endpointOf(webhook.url());
        gate.tryAdmit(endpoint, delivery.teamId()).ifPresentOrElse(admission -> {
            String owner = UUID.randomUUID().toString();
            Instant now = Instant.now();
            delivery.lease(owner, policy.leaseFrom(now));
            var first = NextAttempt.of(delivery, webhook, now, now);
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

    /** A delivery stored in the current transaction that the gate did not admit: it waits in the database. */
    public record TurnedAway(String deliveryId, String endpoint, String team) {
    }

    /** A delivery stored in the current transaction, leased to its owner and admitted. */
    public record Enqueued(LeasedDelivery leased, EndpointGate.Admission admission) {
    }
}
