package com.rateup.webhooks.deliveries.control;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands deliveries to the container's bounded EJB thread pool, so the request that stored the
 * response returns at once. No transaction here: it would span the HTTP calls.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class.getName());

    @Inject
    DeliveryAttempts attempts;

    @Asynchronous
    public void dispatch(String deliveryId, String owner) {
        try {
            attempts.deliver(deliveryId, owner);
        } catch (DeliveryAttempts.AttemptFailed e) {
            LOG.info(() -> "delivery " + deliveryId + " ran out of in-process retries; its lease will expire and the sweep resumes it");
        } catch (RuntimeException e) {
            // the row stays PENDING and leased; the sweep resumes it when the lease runs out
            LOG.log(Level.WARNING, "delivery " + deliveryId + " interrupted; it will be resumed", e);
        }
    }
}
