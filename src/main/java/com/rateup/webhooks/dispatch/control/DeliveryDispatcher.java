package com.rateup.webhooks.dispatch.control;

import com.rateup.webhooks.platform.control.DatabaseOutage;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs admitted deliveries on the container's EJB thread pool, so the request that stored the
 * response returns at once. Every task holds an {@link EndpointGate.Admission}, which bounds how many
 * tasks exist at all. No transaction here: it would span the HTTP calls.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class.getName());

    @Inject
    DeliveryAttempts attempts;

    @Inject
    EndpointGate gate;

    @Inject
    DeliveryStore store;

    @Inject
    DispatcherWrites writes;

    @Inject
    Event<CapacityFreed> capacityFreed;

    @Inject
    DatabaseOutage outage;

    @Asynchronous
    public void dispatch(LeasedDelivery leased, EndpointGate.Admission admission) {
        try {
            deliver(leased);
        } finally {
            release(admission);
        }
    }

    /**
     * Dispatches a delivery that waits in the database, unless someone else has leased it meanwhile.
     * The claim shares its commit with the other dispatchers' claims and records.
     */
    @Asynchronous
    public void claimAndDispatch(String deliveryId, EndpointGate.Admission admission) {
        try {
            writes.commit(() -> store.claim(List.of(deliveryId))).forEach(this::deliver);
        } finally {
            release(admission);
        }
    }

    private void deliver(LeasedDelivery leased) {
        String deliveryId = leased.deliveryId();
        try {
            attempts.deliver(leased);
        } catch (DeliveryAttempts.AttemptFailed e) {
            LOG.info(() -> "delivery " + deliveryId + " ran out of in-process retries; the sweep resumes it when its lease runs out");
        } catch (RuntimeException e) {
            // the row stays PENDING and leased; the sweep resumes it when the lease runs out (an attempt that
            // reached the receiver but could not be recorded is sent again: at least once)
            if (!outage.noticed(e)) {
                LOG.log(Level.WARNING, "delivery " + deliveryId + " interrupted; it will be resumed", e);
            }
        }
    }

    private void release(EndpointGate.Admission admission) {
        gate.release(admission);
        if (gate.takeTurnedAway() && !gate.closed()) {
            capacityFreed.fire(new CapacityFreed());
        }
    }

    /** A slot was freed while deliveries were waiting for one in the database. */
    public record CapacityFreed() {
    }
}
