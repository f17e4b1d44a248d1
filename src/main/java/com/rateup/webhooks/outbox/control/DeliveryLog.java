package com.rateup.webhooks.outbox.control;

import com.rateup.webhooks.outbox.entity.Delivery;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A log of deliveries, newest first, and redelivery by hand: a survey's (what went to its own webhook,
 * including a deleted one's) or a team webhook's. Callers have checked the survey or webhook is the caller's.
 */
@ApplicationScoped
public class DeliveryLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    TeamWebhooks webhooks;

    @Inject
    Event<DeliveryDue> due;

    static final String NEWEST_FIRST = "d.createdAt desc, d.id desc";

    /** One page by offset, newest first (the admin page's numbered pages). */
    public List<Delivery> page(LogOf log, DeliveryFilter filter, int first, int max) {
        return new LogQuery(log, filter).select(em, "select d", NEWEST_FIRST, Delivery.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public long count(LogOf log, DeliveryFilter filter) {
        return new LogQuery(log, filter).select(em, "select count(d)", "", Long.class).getSingleResult();
    }

    /**
     * Up to {@code limit} deliveries older than {@code after} (null: from the newest), and where the next
     * page starts if there is one.
     */
    public Found search(LogOf log, DeliveryFilter filter, LogCursor after, int limit) {
        List<Delivery> found = new LogQuery(log, filter).olderThan(after).select(em, "select d", NEWEST_FIRST, Delivery.class)
                .setMaxResults(limit + 1)
                .getResultList();
        return found.size() > limit
                ? new Found(found.subList(0, limit), Optional.of(LogCursor.after(found.get(limit - 1))))
                : new Found(found, Optional.empty());
    }

    /** A page of a search; {@code next}: where the following page starts, empty on the last. */
    public record Found(List<Delivery> deliveries, Optional<LogCursor> next) {
    }

    public Optional<Delivery> find(LogOf log, String deliveryId) {
        return Optional.ofNullable(deliveryId == null ? null : em.find(Delivery.class, deliveryId)).filter(log::holds);
    }

    /** The latest delivery of each of these webhooks that has one, by webhook id. */
    public Map<String, Delivery> latestOf(Collection<String> webhookIds) {
        if (webhookIds.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(Delivery.LAST_OF_WEBHOOKS, Delivery.class)
                .setParameter("webhookIds", webhookIds)
                .getResultStream()
                .collect(Collectors.toMap(Delivery::webhookId, delivery -> delivery, (one, other) -> one));
    }

    /**
     * Sends it again with the same {@code x-webhook-id} and a fresh round of attempts, unless an
     * attempt is running right now or its payload is no longer kept (then {@code refusal} says why).
     * With the webhook disabled it waits until the webhook is enabled again. Empty when the log has no
     * such delivery.
     */
    @Transactional
    public Optional<Redelivery> redeliver(LogOf log, String deliveryId) {
        return find(log, deliveryId).map(delivery -> {
            if (delivery.payloadRemoved().isPresent()) {
                return new Redelivery(delivery, "cannot be sent again: " + delivery.payloadRemoved().get().explanation());
            }
            if (!delivery.redeliver(Instant.now())) {
                return new Redelivery(delivery, "is being attempted right now; redeliver it once this round ends");
            }
            webhooks.find(delivery.webhookId()).filter(Webhook::enabled).ifPresent(webhook -> due.fire(new DeliveryDue(delivery, webhook)));
            return new Redelivery(delivery, null);
        });
    }

    /** {@code refusal}: why it was not sent again, to follow "delivery …"; null when it was. */
    public record Redelivery(Delivery delivery, String refusal) {

        public boolean started() {
            return refusal == null;
        }
    }
}
