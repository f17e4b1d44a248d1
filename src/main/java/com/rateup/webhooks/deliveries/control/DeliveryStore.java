package com.rateup.webhooks.deliveries.control;

import com.rateup.webhooks.deliveries.entity.AttemptResult;
import com.rateup.webhooks.deliveries.entity.Delivery;
import com.rateup.webhooks.webhooks.control.SurveyWebhooks;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery rows as the dispatcher sees them. Each method is its own short transaction, so no
 * transaction or database connection is held while a receiver is being called or waited for.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class DeliveryStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    SurveyWebhooks webhooks;

    @Inject
    DeliveryPolicy policy;

    /** Leases up to {@code limit} due deliveries that nobody holds; returns them with their lease owners. */
    public List<Claim> claimDue(int limit) {
        Instant now = Instant.now();
        List<String> due = em.createNamedQuery(Delivery.DUE, String.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
        List<Claim> claims = new ArrayList<>(due.size());
        for (String id : due) {
            String owner = UUID.randomUUID().toString();
            int updated = em.createNamedQuery(Delivery.CLAIM)
                    .setParameter("owner", owner)
                    .setParameter("until", policy.leaseFrom(now))
                    .setParameter("id", id)
                    .setParameter("now", now)
                    .executeUpdate();
            if (updated == 1) {
                claims.add(new Claim(id, owner));
            }
        }
        return claims;
    }

    /**
     * What the owner's next attempt sends, with the lease extended past that attempt; empty when
     * the lease was lost, the delivery is over, or its webhook is disabled (released for later)
     * or gone (the delivery fails).
     */
    public Optional<Turn> nextTurn(String deliveryId, String owner) {
        Delivery delivery = em.find(Delivery.class, deliveryId);
        if (delivery == null || !delivery.leasedTo(owner)) {
            return Optional.empty();
        }
        Optional<Webhook> webhook = webhooks.of(delivery.surveyId());
        if (webhook.isEmpty()) {
            delivery.abandon();
            return Optional.empty();
        }
        if (!webhook.get().enabled()) {
            delivery.release();
            return Optional.empty();
        }
        Instant now = Instant.now();
        Instant due = delivery.nextAttemptAt().isAfter(now) ? delivery.nextAttemptAt() : now;
        delivery.extendLease(policy.leaseFrom(due));
        Outgoing outgoing = new Outgoing(delivery.id(), webhook.get().url(), delivery.payload(), delivery.triggeredAt(),
                webhook.get().signingSecrets(now));
        return Optional.of(new Turn(outgoing, due));
    }

    /** Records the attempt if the owner still holds the lease; tells whether another attempt should follow. */
    public boolean recordAndContinue(String deliveryId, String owner, AttemptResult result) {
        Delivery delivery = em.find(Delivery.class, deliveryId);
        if (delivery == null || !delivery.leasedTo(owner)) {
            return false;
        }
        delivery.record(result, policy.maxAttempts(), policy.backoffBefore(delivery.attemptCountInRound() + 1));
        if (delivery.nextAttemptAt() == null) {
            return false;
        }
        delivery.extendLease(policy.leaseFrom(delivery.nextAttemptAt()));
        return true;
    }

    public record Claim(String deliveryId, String owner) {
    }

    public record Turn(Outgoing outgoing, Instant due) {
    }
}
